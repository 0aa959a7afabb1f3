import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError, EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import type { DefinitionLike, SettingLike } from "./registry.js";

/** Where the config file is looked for when `--config` and `APITOKENS_CONFIG` are not set. */
export function defaultConfigPath(env: Io["env"]): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "apitokens", "config.json");
}

/** `connect()` options by connection key (`"dynatrace"`, `"dynatrace:prod"`). */
export type ConnectionOptions = Record<string, Record<string, unknown>>;

/** Per connection key and setting key, what the user typed: the variable or the config-file key. */
export type SettingSources = Record<string, Record<string, string>>;

/** Where each configured value came from, for errors that must name it (filled by {@link configFromEnvironment}). */
export const SOURCES = new WeakMap<ConnectionOptions, SettingSources>();

async function readConfigFile(path: string, explicit: boolean, io: Io): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(
      `cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      EXIT.usage,
      {
        input: "--config",
      },
    );
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
    throw new CliError(`the config file ${path} is not valid JSON: ${(error as Error).message}`, EXIT.usage, { input: "--config" });
  }
}

const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Splits a connection key (`"dynatrace:prod"`), refusing unknown vendors and bad account names. */
export function parseConnectionKey(
  key: string,
  vendors: readonly DefinitionLike[],
  where: string,
): { vendor: DefinitionLike; account?: string } {
  const colon = key.indexOf(":");
  const name = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? undefined : key.slice(colon + 1);
  const vendor = vendors.find((v) => v.key === name);
  if (!vendor)
    throw new CliError(`${where}: unknown vendor "${name}" (known: ${vendors.map((v) => v.key).join(", ")})`, EXIT.usage, { input: key });
  if (account !== undefined && !ACCOUNT.test(account))
    throw new CliError(`${where}: the account in "${key}" must be 1–64 letters, digits, ".", "_" or "-"`, EXIT.usage, { input: key });
  return account === undefined ? { vendor } : { vendor, account };
}

/** One setting's value, checked and converted; `where` is what the user typed (an env var or a config key). */
function convert(setting: SettingLike, raw: unknown, where: string): unknown {
  const text = typeof raw === "string" ? raw.trim() : raw;
  if (text === "" || text === undefined || text === null) return undefined;
  const fail = (what: string) => new CliError(`${where} ${what}, got ${JSON.stringify(raw).slice(0, 80)}`, EXIT.usage, { input: where });
  switch (setting.type) {
    case "integers": {
      const list = Array.isArray(text) ? text : typeof text === "number" ? [text] : String(text).split(",");
      const ids = list.map((v) => Number(String(v).trim()));
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) throw fail("must be ids like 42 or 42,43");
      return ids;
    }
    case "enum":
      if (typeof text !== "string" || !setting.values?.includes(text)) throw fail(`must be one of ${setting.values?.join(", ")}`);
      return text;
    case "url": {
      if (typeof text !== "string") throw fail("must be a URL");
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw fail(`must be an http(s) URL like ${setting.example ?? "https://example.com"}`);
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") throw fail("must be an http(s) URL");
      const trimmed = text.replace(/\/+$/, "");
      return setting.suffix && !trimmed.endsWith(setting.suffix) ? `${trimmed}${setting.suffix}` : trimmed;
    }
    default:
      if (typeof text !== "string") throw fail("must be text");
      return text;
  }
}

/**
 * The vendors configured by environment variables (a single account per vendor) and the config
 * file (`"dynatrace"` or several accounts `"dynatrace:prod"`), as `connect()` options. Every
 * key, variable and value is checked against the vendors' settings before anything is sent, and
 * errors name what the user typed. Credentials never come from command-line flags, which would
 * leave them in shell history.
 */
export async function configFromEnvironment(
  io: Io,
  configPath: string | undefined,
  vendors: readonly DefinitionLike[],
): Promise<ConnectionOptions> {
  const { env } = io;
  const path = configPath ?? env.APITOKENS_CONFIG ?? defaultConfigPath(env);
  const file = await readConfigFile(path, configPath !== undefined || env.APITOKENS_CONFIG !== undefined, io);
  const options: ConnectionOptions = {};
  const sources: SettingSources = {};
  SOURCES.set(options, sources);
  const accountsOf = new Map<string, string[]>();

  for (const [key, entry] of Object.entries(file)) {
    const { vendor, account } = parseConnectionKey(key, vendors, `the config file ${path}`);
    if (!entry || typeof entry !== "object" || Array.isArray(entry))
      throw new CliError(`the config file ${path}: "${key}" must be an object of ${vendor.settings.map((s) => s.key).join(", ")}`);
    const allowed = vendor.settings.map((s) => s.key);
    for (const name of Object.keys(entry))
      if (!allowed.includes(name))
        throw new CliError(`the config file ${path}: "${key}" has an unknown key "${name}" (allowed: ${allowed.join(", ")})`, EXIT.usage, {
          input: name,
        });
    accountsOf.set(vendor.key, [...(accountsOf.get(vendor.key) ?? []), account ?? ""]);
    const values: Record<string, unknown> = {};
    const from: Record<string, string> = {};
    sources[key] = from;
    for (const setting of vendor.settings) {
      const fromEnv = account === undefined ? env[setting.env] : undefined;
      const where = fromEnv !== undefined && fromEnv.trim() !== "" ? setting.env : `"${key}".${setting.key} in ${path}`;
      const value = convert(setting, where === setting.env ? fromEnv : (entry as Record<string, unknown>)[setting.key], where);
      if (value !== undefined) {
        values[setting.key] = value;
        from[setting.key] = where;
      }
    }
    options[key] = values;
  }
  for (const [vendor, accounts] of accountsOf)
    if (accounts.includes("") && accounts.length > 1)
      throw new CliError(
        `the config file ${path}: "${vendor}" and "${vendor}:<account>" are both set; name every account of a vendor with several`,
      );

  // Environment variables: a single account per vendor, for vendors the file does not name.
  for (const vendor of vendors) {
    if (accountsOf.has(vendor.key)) continue;
    const values: Record<string, unknown> = {};
    const from: Record<string, string> = {};
    sources[vendor.key] = from;
    for (const setting of vendor.settings) {
      const value = convert(setting, env[setting.env], setting.env);
      if (value !== undefined) {
        values[setting.key] = value;
        from[setting.key] = setting.env;
      }
    }
    if (Object.keys(values).length > 0) options[vendor.key] = values;
  }

  for (const [key, values] of Object.entries(options)) {
    const { vendor } = parseConnectionKey(key, vendors, "configuration");
    const secret = vendor.settings.find((s) => s.type === "secret");
    if (secret && values[secret.key] === undefined) {
      // Only other settings of a vendor in the environment (say TWC_BASE_URL): not configured.
      if (!Object.hasOwn(file, key)) {
        delete options[key];
        continue;
      }
    }
    const fromFile = Object.hasOwn(file, key);
    for (const setting of vendor.settings) {
      if (!setting.required || values[setting.key] !== undefined) continue;
      const name = fromFile ? `"${key}".${setting.key} in ${path}` : setting.env;
      const set = fromFile ? `"${key}" is in ${path}` : `${secret?.env ?? vendor.key} is set`;
      throw new CliError(
        `${set} but ${name} is not: ${setting.description}${setting.example ? ` (e.g. ${setting.example})` : ""}`,
        EXIT.usage,
        { input: name },
      );
    }
  }
  return options;
}

/** The environment variables of each vendor, for `--help` and error hints. */
export function environmentHelp(vendors: readonly DefinitionLike[]): string {
  return vendors.map((v) => `  ${v.key.padEnd(10)} ${v.settings.map((s) => s.env).join(", ")}`).join("\n");
}
