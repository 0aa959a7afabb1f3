import type { Random } from "../../random.js";
import { dynatraceToken } from "../../secrets.js";
import { assertWritableDates } from "../limits.js";

/** A Dynatrace token as the sandbox keeps it (dates in epoch ms). */
export interface DynatraceToken {
  readonly id: string;
  readonly secret: string;
  name: string;
  enabled: boolean;
  readonly personalAccessToken: boolean;
  readonly owner: string;
  scopes: string[];
  readonly creationDate: number;
  modifiedDate: number | undefined;
  readonly expirationDate: number | undefined;
  lastUsedDate: number | undefined;
  lastUsedIpAddress: string | undefined;
  readonly additionalMetadata: Record<string, unknown>;
}

/** What a new token needs; the store adds id and secret. */
export type NewDynatraceToken = Omit<DynatraceToken, "id" | "secret">;

/** The sort keys of `GET /apiTokens`. */
export type DynatraceSortKey = "name" | "lastUsedDate" | "creationDate" | "expirationDate" | "modifiedDate";

/**
 * The Dynatrace environment's tokens, by id and by secret. Sorted orders are cached per key
 * until the next change, so listing 100,000 tokens page by page sorts once, not per page.
 *
 * @example
 * const token = sandbox.state.dynatrace.create({ name: "ci", scopes: ["metrics.read"], … });
 * sandbox.state.dynatrace.get(token.id)?.enabled; // true
 */
export class DynatraceStore {
  readonly #random: Random;
  readonly #byId = new Map<string, DynatraceToken>();
  readonly #bySecret = new Map<string, DynatraceToken>();
  readonly #sorted = new Map<string, readonly DynatraceToken[]>();

  constructor(random: Random) {
    this.#random = random;
  }

  /** Number of tokens. */
  get size(): number {
    return this.#byId.size;
  }

  /** A token by its id or its full secret. */
  get(idOrSecret: string): DynatraceToken | undefined {
    return this.#byId.get(idOrSecret) ?? this.#bySecret.get(idOrSecret);
  }

  /** A token by its full secret only. */
  bySecret(secret: string): DynatraceToken | undefined {
    return this.#bySecret.get(secret);
  }

  /** Whether the token is still stored (a listing may outlive a delete). */
  has(token: DynatraceToken): boolean {
    return this.#byId.get(token.id) === token;
  }

  /** Every token, in creation order. */
  all(): DynatraceToken[] {
    return [...this.#byId.values()];
  }

  /** Creates a token with a fresh id and secret. */
  create(token: NewDynatraceToken): DynatraceToken {
    assertWritableDates("dynatrace token", datesOf(token));
    let minted = dynatraceToken(this.#random);
    while (this.#byId.has(minted.id)) minted = dynatraceToken(this.#random);
    const created: DynatraceToken = { ...token, ...minted, scopes: [...token.scopes] };
    this.#byId.set(created.id, created);
    this.#bySecret.set(created.secret, created);
    this.#changed();
    return created;
  }

  /** Applies changes to a token (name, enabled, scopes, last use). */
  update(token: DynatraceToken, changes: Partial<Pick<DynatraceToken, "name" | "enabled" | "scopes" | "modifiedDate">>): void {
    assertWritableDates("dynatrace token", { modifiedDate: changes.modifiedDate });
    Object.assign(token, changes);
    this.#changed();
  }

  /** Records that the token authenticated a request. Does not reorder cached sorts but `lastUsedDate`. */
  touch(token: DynatraceToken, at: number, ip: string): void {
    assertWritableDates("dynatrace token", { lastUsedDate: at });
    token.lastUsedDate = at;
    token.lastUsedIpAddress = ip;
    this.#sorted.delete("lastUsedDate");
  }

  /** Deletes a token; `false` if it was not there. */
  delete(token: DynatraceToken): boolean {
    if (!this.has(token)) return false;
    this.#byId.delete(token.id);
    this.#bySecret.delete(token.secret);
    this.#changed();
    return true;
  }

  /** Every token in ascending order of `key` (ties by id), cached until the next change. */
  sortedBy(key: DynatraceSortKey): readonly DynatraceToken[] {
    let sorted = this.#sorted.get(key);
    if (!sorted) {
      const value = SORT_VALUES[key];
      sorted = this.all().sort((a, b) => compare(value(a), value(b)) || compare(a.id, b.id));
      this.#sorted.set(key, sorted);
    }
    return sorted;
  }

  #changed(): void {
    this.#sorted.clear();
  }
}

/**
 * The value each sort key compares, ascending. A missing date sorts as the spec describes
 * the `+` direction: never used first, never expiring last.
 *
 * @see specs/dynatrace.yaml, parameter sort
 */
const SORT_VALUES: Readonly<Record<DynatraceSortKey, (token: DynatraceToken) => number | string>> = {
  name: (token) => token.name.toLowerCase(),
  lastUsedDate: (token) => token.lastUsedDate ?? Number.NEGATIVE_INFINITY,
  creationDate: (token) => token.creationDate,
  expirationDate: (token) => token.expirationDate ?? Number.POSITIVE_INFINITY,
  modifiedDate: (token) => token.modifiedDate ?? token.creationDate,
};

function datesOf(token: NewDynatraceToken): Record<string, number | undefined> {
  const { creationDate, modifiedDate, expirationDate, lastUsedDate } = token;
  return { creationDate, modifiedDate, expirationDate, lastUsedDate };
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
