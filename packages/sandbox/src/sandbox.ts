import { startOfDay } from "./clock.js";
import { Faults } from "./faults.js";
import { type AccountRoutes, createApp } from "./http/app.js";
import { ConnectionReset, fetchFailed, truncatedResponse } from "./http/connection-reset.js";
import { sleep } from "./http/pipeline.js";
import { specs } from "./openapi/specs.js";
import { SpecValidator } from "./openapi/validator.js";
import { accountsOf, SANDBOX_DEFAULTS, type SandboxOptions, seedCounts } from "./options.js";
import { Random } from "./random.js";
import type { AccountContext, ConnectOptions, VendorDescriptor } from "./vendors/descriptor.js";
import { DESCRIPTORS, isVendor, type StoreOf, VENDORS, type Vendor } from "./vendors.js";

/** A valid credential per vendor (of its first account), as each client's `token` option takes it. */
export type SandboxCredentials = Readonly<Record<Vendor, string>>;

/** The sandbox's state per vendor (of its first account), for tests to arrange and assert on. */
export type SandboxState = { readonly [V in Vendor]: StoreOf<V> };

/** A sandbox: the emulated APIs behind one `fetch`-compatible handler. */
export interface Sandbox {
  /** Answers a request in-process, like `fetch` (a scripted reset rejects as undici's `fetch` does). */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Where the sandbox lives, e.g. `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /**
   * What a client needs to reach an account of a vendor: exactly the options of that vendor's
   * `connect()` entry (`baseUrl`, `token`, plus Qernal's `tokenUrl` or Sematext's `appId` list).
   *
   * @param account one of `sandbox.accounts[vendor]`; @default the vendor's first account
   * @example connect({ dynatrace: sandbox.connectOptions("dynatrace") })
   */
  connectOptions(vendor: Vendor, account?: string): ConnectOptions;
  /** The accounts of each vendor (`["default"]` unless the `accounts` option names some). */
  readonly accounts: Readonly<Record<Vendor, readonly string[]>>;
  /** The state (store) of one account of a vendor. @default the vendor's first account */
  stateOf<V extends Vendor>(vendor: V, account?: string): StoreOf<V>;
  /** The `baseUrl` to give a vendor's client, e.g. `http://127.0.0.1:PORT/dynatrace/api/v2`. */
  url(vendor: Vendor, account?: string): string;
  /**
   * Qernal's OAuth2 token endpoint in the sandbox (first account).
   * @deprecated Use `connectOptions("qernal").tokenUrl`.
   */
  readonly tokenUrl: string;
  /** A working credential per vendor (first account). Prefer `connectOptions(vendor).token`. */
  readonly credentials: SandboxCredentials;
  /**
   * Ids of the Sematext Apps that exist in the sandbox (first account).
   * @deprecated Use `connectOptions("sematext").appId`.
   */
  readonly sematextApps: readonly number[];
  /** The state of each vendor's first account. */
  readonly state: SandboxState;
  /** Fault injection: latency, failure rate, scripted answers before or after the server acts. */
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

/** One account, built. */
interface Account {
  readonly vendor: Vendor;
  readonly name: string;
  readonly store: unknown;
  readonly connect: ConnectOptions;
  readonly routes: AccountRoutes;
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
  const accountNames = accountsOf(options);
  const latencyMs = options.latencyMs ?? SANDBOX_DEFAULTS.latencyMs;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) throw new RangeError(`latencyMs must be a non-negative number, got ${latencyMs}`);

  const faults = new Faults(stream("faults"), options.faults);
  const violations: string[] = [];
  const onViolation = options.validateResponses ? (found: readonly string[]) => violations.push(...found) : undefined;

  const accounts: Account[] = [];
  for (const vendor of VENDORS) {
    const descriptor = DESCRIPTORS[vendor] as unknown as VendorDescriptor;
    const validator = new SpecValidator(vendor, specs[vendor]);
    for (const name of accountNames[vendor]) {
      // The default account draws from today's streams, so a seed gives the same state as before accounts existed.
      const label = (text: string) => (name === SANDBOX_DEFAULTS.account ? text : `${text}@${name}`);
      const random = (text: string) => stream(label(text));
      const rootPath = name === SANDBOX_DEFAULTS.account ? `/${vendor}` : `/${vendor}/${name}`;
      const store = descriptor.createStore(random(vendor));
      const seeded = descriptor.seed(store, random(`${vendor}:seed`), anchor, counts[vendor]);
      const context: AccountContext<unknown, unknown> = { store, seeded, now, random, options, root: `${origin}${rootPath}` };
      const extras = (descriptor.extraRoutes?.(context) ?? []).map((route) => ({ ...route, path: `${rootPath}${route.path}` }));
      const connect: ConnectOptions = Object.freeze({
        baseUrl: `${origin}${rootPath}${descriptor.basePath}`,
        token: descriptor.credential(seeded),
        ...descriptor.connectExtras?.(context),
        ...Object.assign({}, ...extras.map((route) => route.connect?.(`${origin}${route.path}`) ?? {})),
      });
      const pipeline = { vendor, emulator: descriptor.emulator(context), validator, faults, onViolation };
      accounts.push({ vendor, name, store, connect, routes: { vendor, prefix: `${rootPath}${descriptor.basePath}`, pipeline, extras } });
    }
  }

  const account = (vendor: Vendor, name?: string): Account => {
    const found = accounts.find((a) => a.vendor === vendor && (name === undefined || a.name === name));
    if (!found) {
      throw new RangeError(
        isVendor(vendor)
          ? `${vendor} has no account ${JSON.stringify(name)}; its accounts: ${accountNames[vendor].join(", ")}`
          : `unknown vendor ${JSON.stringify(vendor)}; the sandbox emulates ${VENDORS.join(", ")}`,
      );
    }
    return found;
  };
  const withoutToken = ({ token: _, ...rest }: ConnectOptions) => rest;
  const app = createApp({
    accounts: accounts.map((a) => a.routes),
    index: () => ({
      name: "apitokens sandbox",
      seed: seed ?? null,
      // With the seed, the counts and the accounts, a client rebuilds the same credentials in-process
      // (`createSandbox({ seed, tokens, accounts })`), so the index never serves a credential.
      tokens: counts,
      accounts: accountNames,
      vendors: Object.fromEntries(
        VENDORS.map((vendor) => [
          vendor,
          {
            ...withoutToken(account(vendor).connect),
            accounts: Object.fromEntries(accountNames[vendor].map((name) => [name, withoutToken(account(vendor, name).connect)])),
          },
        ]),
      ),
      sematextApps: account("sematext").connect.appId,
    }),
  });
  const handle = async (request: Request) => {
    // The network's share of every request (a fixed round trip), before anything else.
    if (latencyMs > 0) await sleep(latencyMs, request.signal);
    return app.fetch(request);
  };

  const first = <V extends Vendor>(vendor: V) => account(vendor).store as StoreOf<V>;
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
    connectOptions: (vendor, name) => account(vendor, name).connect,
    accounts: Object.freeze(accountNames),
    stateOf: (vendor, name) => account(vendor, name).store as StoreOf<typeof vendor>,
    url: (vendor, name) => account(vendor, name).connect.baseUrl,
    tokenUrl: account("qernal").connect.tokenUrl as string,
    credentials: Object.freeze(Object.fromEntries(VENDORS.map((vendor) => [vendor, account(vendor).connect.token])) as SandboxCredentials),
    sematextApps: account("sematext").connect.appId as readonly number[],
    state: Object.freeze(Object.fromEntries(VENDORS.map((vendor) => [vendor, first(vendor)]))) as unknown as SandboxState,
    faults,
    violations,
    seed,
  };
  return { sandbox, handle };
}

/**
 * A sandbox answering in-process, with no socket: hand `sandbox.fetch` to a client as its
 * `fetch`, and `sandbox.connectOptions(vendor)` as its options.
 *
 * @example
 * const sandbox = createSandbox({ seed: "demo" });
 * const dynatrace = createDynatraceClient({ ...sandbox.connectOptions("dynatrace"), fetch: sandbox.fetch });
 */
export function createSandbox(options: SandboxOptions & { readonly origin?: string | undefined } = {}): Sandbox {
  return buildSandbox(options, (options.origin ?? SANDBOX_DEFAULTS.origin).replace(/\/+$/, "")).sandbox;
}
