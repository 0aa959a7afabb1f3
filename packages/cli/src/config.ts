import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import {
  type ConnectOptions,
  DYNATRACE_TOKEN_ENV,
  QERNAL_TOKEN_ENV,
  SEMATEXT_TOKEN_ENV,
  TIMEWEB_TOKEN_ENV,
  type VendorKey,
} from "apitokens";
import { CliError } from "./exit-codes.js";
import type { Io } from "./io.js";

/** The vendors, in the order they are shown. */
export const VENDORS: readonly VendorKey[] = ["timeweb", "qernal", "dynatrace", "sematext"];

/**
 * The environment variables the command reads, per vendor, as data (printed by `--help`).
 * Token variables are the vendor packages' own; the others follow each vendor's tools.
 */
export const ENVIRONMENT = {
  timeweb: { token: TIMEWEB_TOKEN_ENV, baseUrl: "TWC_BASE_URL" },
  qernal: { token: QERNAL_TOKEN_ENV, host: "QERNAL_HOST_CHAOS", authHost: "QERNAL_HOST_HYDRA" },
  dynatrace: { token: DYNATRACE_TOKEN_ENV, environmentUrl: "DT_ENV_URL" },
  sematext: { token: SEMATEXT_TOKEN_ENV, region: "SEMATEXT_REGION", appId: "SEMATEXT_APP_ID", baseUrl: "SEMATEXT_BASE_URL" },
} as const;

/** Where the config file is looked for when `--config` and `APITOKENS_CONFIG` are not set. */
export function defaultConfigPath(env: Io["env"]): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "apitokens", "config.json");
}

type FileConfig = Partial<Record<VendorKey, Record<string, unknown>>>;

/** The keys each vendor's entry in the config file may hold. */
const FILE_KEYS: Readonly<Record<VendorKey, readonly string[]>> = {
  timeweb: ["token", "baseUrl"],
  qernal: ["token", "baseUrl", "tokenUrl"],
  dynatrace: ["token", "baseUrl"],
  sematext: ["token", "region", "appId", "baseUrl"],
};

/** Refuses what the config file holds but the command does not read, naming it and what is allowed. */
function checkKeys(file: Record<string, unknown>, path: string): FileConfig {
  for (const [vendor, entry] of Object.entries(file)) {
    const allowed = FILE_KEYS[vendor as VendorKey];
    if (!allowed) throw new CliError(`the config file ${path} has an unknown vendor "${vendor}" (known: ${VENDORS.join(", ")})`);
    if (!entry || typeof entry !== "object" || Array.isArray(entry))
      throw new CliError(`the config file ${path}: "${vendor}" must be an object of ${allowed.join(", ")}`);
    for (const key of Object.keys(entry))
      if (!allowed.includes(key))
        throw new CliError(`the config file ${path}: "${vendor}" has an unknown key "${key}" (allowed: ${allowed.join(", ")})`);
  }
  return file as FileConfig;
}

/** A URL setting checked before anything is sent, with the name the user typed in the message. */
function url(value: string | undefined, where: string): string | undefined {
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new CliError(`${where} must be an http(s) URL like https://example.com, got "${value}"`, 2, { input: where });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new CliError(`${where} must be an http(s) URL, got "${value}"`, 2, { input: where });
  return value;
}

async function readConfigFile(path: string, explicit: boolean, io: Io): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`cannot read the config file ${path}: ${(error as Error).message}`);
  }
  const mode = (await stat(path)).mode;
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    io.stderr.write(`warning: ${path} holds credentials but others can read it; run: chmod 600 ${path}\n`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("the top level must be an object");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`the config file ${path} is not valid: ${(error as Error).message}`);
  }
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

function appIds(value: unknown, where: string): number[] {
  const list = Array.isArray(value) ? value : typeof value === "number" ? [value] : String(value).split(",");
  const ids = list.map((v) => Number(String(v).trim()));
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0))
    throw new CliError(`${where} must be app ids like 42 or 42,43`);
  return ids;
}

/**
 * The vendors configured by environment variables (first) and the config file, as `connect()`
 * options. Credentials never come from command-line flags, which would leave them in shell history.
 */
export async function configFromEnvironment(io: Io, configPath: string | undefined): Promise<ConnectOptions> {
  const { env } = io;
  const path = configPath ?? env.APITOKENS_CONFIG ?? defaultConfigPath(env);
  const file = checkKeys(await readConfigFile(path, configPath !== undefined || env.APITOKENS_CONFIG !== undefined, io), path);
  const from = (name: string, key: string, envName: string, entry: Record<string, unknown>) => {
    const value = str(env[envName]);
    return value !== undefined ? url(value, envName) : url(str(entry[key]), `"${name}".${key} in ${path}`);
  };
  const options: { -readonly [K in keyof ConnectOptions]: ConnectOptions[K] } = {};

  const tw = file.timeweb ?? {};
  const twToken = str(env[ENVIRONMENT.timeweb.token]) ?? str(tw.token);
  if (twToken) options.timeweb = { token: twToken, baseUrl: from("timeweb", "baseUrl", ENVIRONMENT.timeweb.baseUrl, tw) };

  const q = file.qernal ?? {};
  const qToken = str(env[ENVIRONMENT.qernal.token]) ?? str(q.token);
  if (qToken) {
    // The vendor's CLI appends /v1 to QERNAL_HOST_CHAOS and calls /oauth2/token on QERNAL_HOST_HYDRA;
    // a URL that already ends with them (as the sandbox prints it) is used as it is.
    const host = from("qernal", "baseUrl", ENVIRONMENT.qernal.host, {});
    const authHost = from("qernal", "tokenUrl", ENVIRONMENT.qernal.authHost, {});
    options.qernal = {
      token: qToken,
      baseUrl: host ? withSuffix(host, "/v1") : from("qernal", "baseUrl", "-", q),
      tokenUrl: authHost ? withSuffix(authHost, "/oauth2/token") : from("qernal", "tokenUrl", "-", q),
    };
  }

  const dt = file.dynatrace ?? {};
  const dtToken = str(env[ENVIRONMENT.dynatrace.token]) ?? str(dt.token);
  if (dtToken) {
    const url = from("dynatrace", "baseUrl", ENVIRONMENT.dynatrace.environmentUrl, dt);
    if (!url)
      throw new CliError(
        `${ENVIRONMENT.dynatrace.token} is set but ${ENVIRONMENT.dynatrace.environmentUrl} is not: Dynatrace needs the environment URL, e.g. https://abc12345.live.dynatrace.com`,
      );
    options.dynatrace = { token: dtToken, baseUrl: withSuffix(url, "/api/v2") };
  }

  const st = file.sematext ?? {};
  const stToken = str(env[ENVIRONMENT.sematext.token]) ?? str(st.token);
  if (stToken) {
    const apps = env[ENVIRONMENT.sematext.appId] ?? st.appId;
    if (apps === undefined)
      throw new CliError(`${ENVIRONMENT.sematext.token} is set but ${ENVIRONMENT.sematext.appId} is not: app tokens belong to an app`);
    const region = str(env[ENVIRONMENT.sematext.region]) ?? str(st.region) ?? "us";
    if (region !== "us" && region !== "eu") throw new CliError(`${ENVIRONMENT.sematext.region} must be "us" or "eu", got "${region}"`);
    options.sematext = {
      token: stToken,
      region,
      appId: appIds(apps, ENVIRONMENT.sematext.appId),
      baseUrl: from("sematext", "baseUrl", ENVIRONMENT.sematext.baseUrl, st),
    };
  }
  return options;
}

/** The URL with `suffix` appended unless it already ends with it. */
function withSuffix(value: string, suffix: string): string {
  const trimmed = value.replace(/\/+$/, "");
  return trimmed.endsWith(suffix) ? trimmed : `${trimmed}${suffix}`;
}
