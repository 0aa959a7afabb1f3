/**
 * Lists derived from a store's tokens (one user's tokens in creation order, one project's),
 * built on first use and kept until the store's membership changes. A listing walked page by
 * page then costs each page, not a pass over every token the store holds: with 20,000 tokens
 * a per-request copy and filter was most of the sandbox's work in the inventory bench.
 *
 * Stores call {@link invalidate} on every change of which tokens they hold (create, delete);
 * a change to a token's mutable fields (name, revoked, last use) keeps its place in every
 * derived list, so list filters on those fields are applied per request, after the lookup.
 * Kept apart from the stores so their public shape stays as it is.
 *
 * @example
 * const mine = derived(store, `user:${userId}`, () => store.all().filter((t) => t.userId === userId));
 */
const lists = new WeakMap<object, Map<string, readonly unknown[]>>();

/** Forgets every list derived from `store`: call after it gained or lost a token. */
export function invalidate(store: object): void {
  lists.delete(store);
}

/**
 * The list named `key` derived from `store`: `build()`'s result, built once per change of
 * the store. The list is shared: never mutate it.
 */
export function derived<T>(store: object, key: string, build: () => readonly T[]): readonly T[] {
  let byKey = lists.get(store);
  if (!byKey) {
    byKey = new Map();
    lists.set(store, byKey);
  }
  let list = byKey.get(key) as readonly T[] | undefined;
  if (!list) {
    list = Object.freeze(build());
    byKey.set(key, list);
  }
  return list;
}
