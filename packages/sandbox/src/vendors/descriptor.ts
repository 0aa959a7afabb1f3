import type { SandboxOptions } from "../options.js";
import type { Random } from "../random.js";
import type { Emulator } from "./emulator.js";

/**
 * What a client needs to reach one account of a vendor in the sandbox: exactly the options of
 * that vendor's `connect()` entry (`baseUrl`, `token`, and the vendor's extras such as Qernal's
 * `tokenUrl` or Sematext's `appId` list).
 */
export interface ConnectOptions {
  /** The client's `baseUrl`: the account's root plus the path of the spec's server URL. */
  readonly baseUrl: string;
  /** A working credential, as the client's `token` option takes it. */
  readonly token: string;
  readonly [extra: string]: unknown;
}

/** What a descriptor's factories get for one account. */
export interface AccountContext<Store, Seeded> {
  readonly store: Store;
  /** What `seed` returned for this account (its credential, Apps, …). */
  readonly seeded: Seeded;
  /** The sandbox's clock, in epoch ms. */
  readonly now: () => number;
  /** A PRNG stream of this account, by label (seeded when the sandbox is). */
  readonly random: (label: string) => Random;
  readonly options: SandboxOptions;
  /** Where the account lives, before the spec's server path: `http://127.0.0.1:PORT/qernal`. */
  readonly root: string;
}

/** A route outside the spec's operations (Qernal's OAuth2 token endpoint), under the account's root. */
export interface ExtraRoute {
  readonly method: "GET" | "POST";
  /** Relative to the account's root, e.g. `/oauth2/token`. */
  readonly path: string;
  readonly handle: (request: Request) => Promise<Response>;
  /** Extra `connect()` options this route provides, e.g. `{ tokenUrl: url }`, given its full URL. */
  readonly connect?: (url: string) => Readonly<Record<string, unknown>>;
}

/** A flag of the `apitokens-sandbox` command that sets one vendor-specific option. */
export interface BinFlag {
  /** The flag without dashes, e.g. `qernal-list`. */
  readonly flag: string;
  /** The `SandboxOptions` key it sets. */
  readonly option: keyof SandboxOptions;
  /** The values it accepts. */
  readonly choices: readonly string[];
  readonly help: string;
}

/**
 * One emulated vendor, as data: everything the sandbox needs to register it. Each folder
 * `src/vendors/<vendor>/` exports one from its `descriptor.ts`; `npm run generate` lists the
 * folders in `src/generated/vendors.ts`, and the sandbox, its types, the bin and the bundled
 * specs read that list. The spec is `specs/<key>.yaml`.
 *
 * @example export const dynatrace = defineVendor({ key: "dynatrace", basePath: "/api/v2", … });
 */
export interface VendorDescriptor<Key extends string = string, Store = unknown, Seeded = unknown, Principal = unknown> {
  /** The vendor's key: its folder, its spec's file name and its first path segment. */
  readonly key: Key;
  /** How people write the vendor's name. */
  readonly displayName: string;
  /** The path of the spec's server URL (`/api/v2`), appended to the account's root. */
  readonly basePath: string;
  /** Seeded tokens with a `seed` and no `tokens` option (Sematext: per App). */
  readonly defaultSeedCount: number;
  /** What `--tokens`/`tokens` counts, when it is not simply tokens (`"tokens per App"`). */
  readonly seedUnit?: string;
  /** The account's state, empty. */
  createStore(random: Random): Store;
  /** Fills the store (the credential first, then `count` realistic tokens); returns what the account needs later. */
  seed(store: Store, random: Random, anchor: number, count: number): Seeded;
  /** The working credential of a seeded account. */
  credential(seeded: Seeded): string;
  /** The vendor's behaviour for one account. */
  emulator(context: AccountContext<Store, Seeded>): Emulator<Principal>;
  /** `connect()` options beyond `baseUrl` and `token` (Sematext's `appId` list). */
  connectExtras?(context: AccountContext<Store, Seeded>): Readonly<Record<string, unknown>>;
  /** Routes outside the spec (Qernal's token endpoint). */
  extraRoutes?(context: AccountContext<Store, Seeded>): readonly ExtraRoute[];
  /** Vendor-specific flags of the `apitokens-sandbox` command. */
  readonly flags?: readonly BinFlag[];
}

/**
 * Declares a vendor descriptor with its types inferred (the store and what `seed` returns).
 *
 * @example export const timeweb = defineVendor({ key: "timeweb", displayName: "Timeweb Cloud", basePath: "", … });
 */
export function defineVendor<const Key extends string, Store, Seeded, Principal>(
  descriptor: VendorDescriptor<Key, Store, Seeded, Principal>,
): VendorDescriptor<Key, Store, Seeded, Principal> {
  return Object.freeze(descriptor);
}
