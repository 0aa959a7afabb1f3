import { type CallOptions, createTokens, type Secret, type TokenInfo, type Tokens } from "@apitokens/core";
import {
  type ApiToken,
  createDynatraceClient,
  type DynatraceClient,
  type DynatraceClientOptions,
  dynatraceAdapter,
} from "@apitokens/dynatrace";
import { type AuthTokenMeta, createQernalClient, type QernalClient, type QernalClientOptions, qernalAdapter } from "@apitokens/qernal";
import {
  createSematextClient,
  type SematextClient,
  type SematextClientOptions,
  type SematextToken,
  sematextAdapter,
} from "@apitokens/sematext";
import { createTimewebClient, type TimewebClient, type TimewebClientOptions, type TimewebToken, timewebAdapter } from "@apitokens/timeweb";

/** Options of {@link connect}: one entry per vendor to use, each that vendor's client options. */
export interface ConnectOptions {
  readonly timeweb?: TimewebClientOptions | undefined;
  readonly qernal?: QernalClientOptions | undefined;
  readonly dynatrace?: DynatraceClientOptions | undefined;
  /** Sematext tokens belong to apps: `appId` names the app (or apps; new tokens go to the first). */
  readonly sematext?: (SematextClientOptions & { readonly appId: number | readonly number[] }) | undefined;
}

/** Each vendor's typed client and its tokens through the unified lifecycle. */
export interface VendorConnections {
  readonly timeweb: { readonly client: TimewebClient; readonly tokens: Tokens<TimewebToken> };
  readonly qernal: { readonly client: QernalClient; readonly tokens: Tokens<AuthTokenMeta> };
  readonly dynatrace: { readonly client: DynatraceClient; readonly tokens: Tokens<ApiToken> };
  readonly sematext: { readonly client: SematextClient; readonly tokens: Tokens<SematextToken> };
}

/** A vendor key. */
export type VendorKey = keyof VendorConnections;

/** The vendors configured in `O`, plus cross-vendor calls. */
export type Connected<O extends ConnectOptions> = {
  readonly [K in keyof O & VendorKey as undefined extends O[K] ? never : K]: VendorConnections[K];
} & {
  /** The configured vendors' lifecycles, in a fixed order (timeweb, qernal, dynatrace, sematext). */
  readonly all: readonly Tokens[];
  /**
   * Which configured vendor and token a secret belongs to: recognised by its shape, then looked
   * up (Dynatrace lookup, Qernal id, Sematext values, Timeweb claims). Never prints the secret.
   */
  identify(secret: string | Secret, options?: CallOptions): Promise<TokenInfo | undefined>;
};

const ORDER: readonly VendorKey[] = ["timeweb", "qernal", "dynatrace", "sematext"];

/**
 * Connects to the vendors you configure and gives each a typed client and the same token
 * lifecycle (`list`, `get`, `create`, `rename`, `enable`, `disable`, `revoke`, `rotate`, `identify`).
 *
 * @example
 * const vendors = connect({ dynatrace: { baseUrl, token: process.env.DT_API_TOKEN }, sematext: { region: "eu", token, appId: 42 } });
 * for await (const t of vendors.dynatrace.tokens.list()) console.log(t.id, t.name, t.expiresAt);
 * const { token, secret } = await vendors.sematext.tokens.rotate("42:1187");
 */
export function connect<const O extends ConnectOptions>(options: O): Connected<O> {
  const connections: Partial<Record<VendorKey, { client: unknown; tokens: Tokens }>> = {};
  if (options.timeweb) {
    const client = createTimewebClient(options.timeweb);
    connections.timeweb = { client, tokens: createTokens(timewebAdapter(client)) as Tokens };
  }
  if (options.qernal) {
    const client = createQernalClient(options.qernal);
    connections.qernal = { client, tokens: createTokens(qernalAdapter(client)) as Tokens };
  }
  if (options.dynatrace) {
    const client = createDynatraceClient(options.dynatrace);
    connections.dynatrace = { client, tokens: createTokens(dynatraceAdapter(client)) as Tokens };
  }
  if (options.sematext) {
    const { appId, ...clientOptions } = options.sematext;
    const client = createSematextClient(clientOptions);
    connections.sematext = {
      client,
      tokens: createTokens(sematextAdapter(client, { appIds: typeof appId === "number" ? [appId] : appId })) as Tokens,
    };
  }
  const all = ORDER.flatMap((key) => connections[key]?.tokens ?? []);
  return {
    ...connections,
    all,
    async identify(secret: string | Secret, callOptions?: CallOptions): Promise<TokenInfo | undefined> {
      for (const tokens of all) {
        const found = await tokens.identify(secret, callOptions);
        if (found) return found;
      }
      return undefined;
    },
  } as unknown as Connected<O>;
}
