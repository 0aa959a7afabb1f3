import type { TokenInfo, Tokens } from "apitokens";
import { type CallSite, typed } from "./error-report.js";
import { VendorAnswerError } from "./vendor-answer-error.js";

/** Where a vendor is reached, for error messages. */
export interface VendorPlace {
  readonly account?: string | undefined;
  readonly host?: string | undefined;
  /** Per setting key, the variable or config-file key it came from (errors name it, not the library's option). */
  readonly sources?: Readonly<Record<string, string>> | undefined;
}

/** The unified operation names, as error messages show them. */
const OPERATIONS: Readonly<Record<string, string>> = Object.freeze({
  list: "list tokens",
  get: "get a token",
  create: "create a token",
  rename: "rename a token",
  enable: "enable a token",
  disable: "disable a token",
  revoke: "delete a token",
  rotate: "rotate a token",
  identify: "look a secret up",
});

/**
 * One vendor's lifecycle whose every failure is typed: the library's errors gain the vendor's
 * name and host where they lack them, and anything else (a vendor answer that broke the
 * library's expectations) becomes a `VendorAnswerError` naming vendor and operation.
 */
export function guarded(tokens: Tokens, place: VendorPlace = {}): Tokens {
  const site = (name: string): CallSite => ({
    vendor: tokens.vendor,
    vendorName: tokens.vendorName,
    account: place.account,
    host: place.host,
    sources: place.sources,
    operation: OPERATIONS[name] ?? name,
  });
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      let result: R;
      try {
        result = await fn(...args);
      } catch (error) {
        throw typed(error, site(name));
      }
      checkResult(result, site(name));
      return result;
    };
  return {
    ...tokens,
    supports: (capability) => tokens.supports(capability),
    async *list(options) {
      const iterator = tokens.list(options)[Symbol.asyncIterator]();
      for (;;) {
        let step: IteratorResult<TokenInfo>;
        try {
          step = await iterator.next();
        } catch (error) {
          throw typed(error, site("list"));
        }
        if (step.done) return;
        yield checkToken(step.value, site("list"));
      }
    },
    get: wrap("get", tokens.get.bind(tokens)),
    create: wrap("create", tokens.create.bind(tokens)),
    rename: wrap("rename", tokens.rename.bind(tokens)),
    enable: wrap("enable", tokens.enable.bind(tokens)),
    disable: wrap("disable", tokens.disable.bind(tokens)),
    revoke: wrap("revoke", tokens.revoke.bind(tokens)),
    rotate: wrap("rotate", tokens.rotate.bind(tokens)),
    identify: wrap("identify", tokens.identify.bind(tokens)),
  };
}

const isDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());

/** The facts of a token the CLI prints, each of the type the lifecycle promises. */
const FIELD_CHECKS: readonly [keyof TokenInfo, (value: unknown) => boolean][] = [
  ["id", (v) => typeof v === "string" && v !== ""],
  ["name", (v) => v === undefined || typeof v === "string"],
  ["enabled", (v) => v === undefined || typeof v === "boolean"],
  ["createdAt", (v) => v === undefined || isDate(v)],
  ["expiresAt", (v) => v === undefined || v === null || isDate(v)],
  ["lastUsedAt", (v) => v === undefined || v === null || isDate(v)],
  ["scopes", (v) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === "string"))],
  ["owner", (v) => v === undefined || typeof v === "string"],
];

/** A token whose facts have the promised types, or a typed error naming the first field that does not. */
export function checkToken(token: TokenInfo, site: CallSite): TokenInfo {
  if (token === null || typeof token !== "object")
    throw new VendorAnswerError(site.vendor, site.vendorName, site.operation, new Error("the answer holds no token"));
  for (const [field, ok] of FIELD_CHECKS) {
    if (!ok(token[field]))
      throw new VendorAnswerError(
        site.vendor,
        site.vendorName,
        site.operation,
        new Error(`a token's ${field} is ${describe(token[field])}`),
      );
  }
  return token;
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (value instanceof Date) return "not a valid date";
  if (Array.isArray(value)) return "a list of something else than text";
  return `of type ${typeof value}`;
}

function checkResult(result: unknown, site: CallSite): void {
  if (result === null || typeof result !== "object") return;
  const r = result as { token?: TokenInfo; vendor?: unknown; id?: unknown };
  if (r.token !== undefined) checkToken(r.token, site);
  else if ("vendor" in r && "id" in r) checkToken(r as TokenInfo, site);
}
