import type { Client, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Values whose keys are not checked: arrays, functions and platform objects. */
type Opaque = readonly unknown[] | Date | AbortSignal | Headers | ((...args: never[]) => unknown);

/**
 * `T` with every key that `Shape` does not have turned into `never`, through nested plain
 * objects, so `{ body: { nmae: "x" } }` fails to compile where openapi-fetch alone would accept
 * it (its `Init` is inferred from the argument, which skips TypeScript's excess-property check).
 * Keys allowed by an index signature stay allowed.
 */
export type NoExtraKeys<T, Shape> = T extends Opaque
  ? T
  : T extends object
    ? { [K in keyof T]: K extends KeysOfUnion<NonNullable<Shape>> ? NoExtraKeys<T[K], ValueAt<NonNullable<Shape>, K>> : never }
    : T;

type ExactInit<Init, Expected> =
  RequiredKeysOf<Init> extends never ? [(Init & NoExtraKeys<Init, Expected>)?] : [Init & NoExtraKeys<Init, Expected>];

type InitFor<Paths, Path, Method> = Path extends keyof Paths
  ? Method extends keyof Paths[Path]
    ? MaybeOptionalInit<Paths[Path], Method>
    : never
  : never;
type OperationFor<Paths, Path, Method> = Path extends keyof Paths
  ? Method extends keyof Paths[Path]
    ? Paths[Path][Method] extends Record<string | number, unknown>
      ? Paths[Path][Method]
      : never
    : never
  : never;

/** openapi-fetch's `ClientMethod`, with request options checked for unknown keys. */
export type ExactMethod<Paths, Method extends HttpMethod> = <
  Path extends PathsWithMethod<Paths & object, Method>,
  Init extends InitFor<Paths, Path, Method>,
>(
  url: Path,
  ...init: ExactInit<Init, InitFor<Paths, Path, Method>>
) => Promise<FetchResponse<OperationFor<Paths, Path, Method>, Init, MediaType>>;

/** An openapi-fetch `Client` whose method calls reject unknown parameters and body fields. */
export type ExactClient<Paths extends object> = Omit<
  Client<Paths>,
  "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE"
> & {
  GET: ExactMethod<Paths, "get">;
  PUT: ExactMethod<Paths, "put">;
  POST: ExactMethod<Paths, "post">;
  DELETE: ExactMethod<Paths, "delete">;
  PATCH: ExactMethod<Paths, "patch">;
  HEAD: ExactMethod<Paths, "head">;
  OPTIONS: ExactMethod<Paths, "options">;
  TRACE: ExactMethod<Paths, "trace">;
};
