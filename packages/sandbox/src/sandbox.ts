import { startOfDay } from "./clock.js";
import { Faults } from "./faults.js";
import { createApp } from "./http/app.js";
import { ConnectionReset, fetchFailed, truncatedResponse } from "./http/connection-reset.js";
import type { Pipeline } from "./http/pipeline.js";
import { specs } from "./openapi/specs.js";
import { SpecValidator } from "./openapi/validator.js";
import { SANDBOX_DEFAULTS, type SandboxOptions, seedCounts } from "./options.js";
import { Random } from "./random.js";
import { dynatraceEmulator } from "./vendors/dynatrace/emulator.js";
import { seedDynatrace } from "./vendors/dynatrace/seed.js";
import { DynatraceStore } from "./vendors/dynatrace/store.js";
import type { Emulator } from "./vendors/emulator.js";
import { qernalEmulator } from "./vendors/qernal/emulator.js";
import { qernalTokenEndpoint } from "./vendors/qernal/oauth2-token-endpoint.js";
import { seedQernal } from "./vendors/qernal/seed.js";
import { QernalStore } from "./vendors/qernal/store.js";
import { sematextEmulator } from "./vendors/sematext/emulator.js";
import { seedSematext } from "./vendors/sematext/seed.js";
import { SematextStore } from "./vendors/sematext/store.js";
import { timewebEmulator } from "./vendors/timeweb/emulator.js";
import { seedTimeweb } from "./vendors/timeweb/seed.js";
import { TimewebStore } from "./vendors/timeweb/store.js";
import { BASE_PATHS, QERNAL_TOKEN_PATH, VENDORS, type Vendor } from "./vendors.js";

/** A valid credential per vendor, as each client's `token` option takes it. */
export interface SandboxCredentials {
  /** A Dynatrace API token secret (`dt0c01.….…`) with `apiTokens.read` and `apiTokens.write`. */
  readonly dynatrace: string;
  /** A Qernal auth token, `<id>@<secret>`, to exchange at `tokenUrl`. */
  readonly qernal: string;
  /** The Sematext account API key (a UUID). */
  readonly sematext: string;
  /** A Timeweb Cloud API token (a JWT). */
  readonly timeweb: string;
}

/** The sandbox's state per vendor, for tests to arrange and assert on. */
export interface SandboxState {
  readonly dynatrace: DynatraceStore;
  readonly qernal: QernalStore;
  readonly sematext: SematextStore;
  readonly timeweb: TimewebStore;
}

/** A sandbox: the four emulated APIs behind one `fetch`-compatible handler. */
export interface Sandbox {
  /** Answers a request in-process, like `fetch` (a scripted reset rejects as undici's `fetch` does). */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Where the sandbox lives, e.g. `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** The `baseUrl` to give a vendor's client, e.g. `http://127.0.0.1:PORT/dynatrace/api/v2`. */
  url(vendor: Vendor): string;
  /** Qernal's OAuth2 token endpoint in the sandbox. */
  readonly tokenUrl: string;
  readonly credentials: SandboxCredentials;
  /** Ids of the Sematext Apps that exist in the sandbox. */
  readonly sematextApps: readonly number[];
  readonly state: SandboxState;
  /** Fault injection: latency, failure rate, scripted answers. */
  readonly faults: Faults;
  /** What did not conform to the spec among the answers sent (with `validateResponses`). */
  readonly violations: readonly string[];
  /** The seed in use, if any. */
  readonly seed: string | undefined;
}

/** A sandbox plus the raw handler a server needs (resets are thrown, not turned into rejections). */
export interface SandboxParts {
  readonly sandbox: Sandbox;
  readonly handle: (request: Request) => Promise<Response>;
}

/**
 * Builds a sandbox with its raw handler; `createSandbox` and the node server both use it.
 *
 * @example const { sandbox, handle } = buildSandbox({ seed: "demo" }, "http://127.0.0.1:4747");
 */
export function buildSandbox(options: SandboxOptions, origin: string): SandboxParts {
  const seed = options.seed === undefined ? undefined : String(options.seed);
  const stream = (label: string) => (seed === undefined ? Random.unseeded(label) : new Random(`${seed}:${label}`));
  const now = options.now ?? SANDBOX_DEFAULTS.now;
  const anchor = startOfDay(now());
  const counts = seedCounts(options);

  const state: SandboxState = {
    dynatrace: new DynatraceStore(stream("dynatrace")),
    qernal: new QernalStore(stream("qernal")),
    sematext: new SematextStore(stream("sematext")),
    timeweb: new TimewebStore(stream("timeweb")),
  };
  const dynatraceCredential = seedDynatrace(state.dynatrace, stream("dynatrace:seed"), anchor, counts.dynatrace);
  const qernalCredential = seedQernal(state.qernal, stream("qernal:seed"), anchor, counts.qernal);
  const sematext = seedSematext(state.sematext, stream("sematext:seed"), anchor, counts.sematext);
  const timewebCredential = seedTimeweb(state.timeweb, stream("timeweb:seed"), anchor, counts.timeweb);

  const emulators: Record<Vendor, Emulator> = {
    dynatrace: dynatraceEmulator({ store: state.dynatrace, now, knownScopes: knownDynatraceScopes() }) as Emulator,
    qernal: qernalEmulator({
      store: state.qernal,
      now,
      listShape: options.qernalListShape ?? SANDBOX_DEFAULTS.qernalListShape,
    }) as Emulator,
    sematext: sematextEmulator({ store: state.sematext, now, apiKey: sematext.apiKey }) as Emulator,
    timeweb: timewebEmulator({ store: state.timeweb, now, random: stream("timeweb:responses") }) as Emulator,
  };
  const faults = new Faults(stream("faults"), options.faults);
  const violations: string[] = [];
  const onViolation = options.validateResponses ? (found: readonly string[]) => violations.push(...found) : undefined;
  const pipelines = Object.fromEntries(
    VENDORS.map((vendor) => [
      vendor,
      { emulator: emulators[vendor], validator: new SpecValidator(vendor, specs[vendor]), faults, onViolation },
    ]),
  ) as Record<Vendor, Pipeline>;

  const url = (vendor: Vendor) => `${origin}${BASE_PATHS[vendor]}`;
  const tokenUrl = `${origin}${QERNAL_TOKEN_PATH}`;
  const app = createApp({
    pipelines,
    tokenEndpoint: qernalTokenEndpoint({
      store: state.qernal,
      now,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? SANDBOX_DEFAULTS.accessTokenTtlSeconds,
    }),
    index: () => ({
      name: "apitokens sandbox",
      seed: seed ?? null,
      vendors: Object.fromEntries(
        VENDORS.map((vendor) => [vendor, { baseUrl: url(vendor), ...(vendor === "qernal" ? { tokenUrl } : {}) }]),
      ),
      sematextApps: sematext.apps,
    }),
  });
  const handle = async (request: Request) => app.fetch(request);

  const sandbox: Sandbox = {
    fetch: async (input, init) => {
      try {
        return await handle(input instanceof Request && init === undefined ? input : new Request(input, init));
      } catch (error) {
        if (!(error instanceof ConnectionReset)) throw error;
        if (error.partial) return truncatedResponse(error.partial);
        throw fetchFailed();
      }
    },
    origin,
    url,
    tokenUrl,
    credentials: Object.freeze({
      dynatrace: dynatraceCredential.secret,
      qernal: qernalCredential.secret,
      sematext: sematext.apiKey,
      timeweb: timewebCredential.secret,
    }),
    sematextApps: Object.freeze([...sematext.apps]),
    state,
    faults,
    violations,
    seed,
  };
  return { sandbox, handle };
}

/**
 * A sandbox answering in-process, with no socket: hand `sandbox.fetch` to a client as its
 * `fetch` and `sandbox.url(vendor)` as its `baseUrl`.
 *
 * @example
 * const sandbox = createSandbox({ seed: "demo" });
 * const dynatrace = createDynatraceClient({ baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, fetch: sandbox.fetch });
 */
export function createSandbox(options: SandboxOptions & { readonly origin?: string | undefined } = {}): Sandbox {
  return buildSandbox(options, (options.origin ?? SANDBOX_DEFAULTS.origin).replace(/\/+$/, "")).sandbox;
}

/** The scope names the Dynatrace spec lists (the known half of its open `ApiTokenScope`). */
function knownDynatraceScopes(): ReadonlySet<string> {
  const scope = specs.dynatrace.components.schemas?.ApiTokenScope as { anyOf?: { enum?: unknown[] }[] } | undefined;
  return new Set((scope?.anyOf ?? []).flatMap((branch) => branch.enum ?? []).filter((value): value is string => typeof value === "string"));
}
