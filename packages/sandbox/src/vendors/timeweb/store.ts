import type { Random } from "../../random.js";
import { timewebJwt } from "../../secrets.js";
import { invalidate } from "../derived-lists.js";
import { assertWritableDates } from "../limits.js";

/** A Timeweb Cloud API token as the sandbox keeps it (dates in epoch ms). */
export interface TimewebToken {
  readonly id: string;
  /** The JWT; replaced by a reissue. */
  secret: string;
  name: string;
  /** When the token, or its current secret after a reissue, was issued (changed by the store's `reissue`, which reorders the list). */
  createdAt: number;
  expiredAt: number | undefined;
  isAbleToDelete: boolean;
  /** Roles granted at creation (never echoed by the API). */
  readonly roles: readonly string[] | undefined;
  /** Projects the token is limited to (never echoed by the API). */
  readonly projects: readonly number[] | null | undefined;
}

/** What a new token needs; the store adds id and secret. */
export type NewTimewebToken = Omit<TimewebToken, "id" | "secret">;

/**
 * The Timeweb Cloud account's API tokens, by id and by JWT.
 *
 * @example sandbox.state.timeweb.get(id)?.name
 */
export class TimewebStore {
  /** The account the tokens belong to (the JWTs' `login` claim). */
  readonly login: string;
  readonly #random: Random;
  readonly #byId = new Map<string, TimewebToken>();
  readonly #bySecret = new Map<string, TimewebToken>();

  constructor(random: Random) {
    this.#random = random;
    this.login = `tw${random.int(100000, 999999)}`;
  }

  /** Number of tokens. */
  get size(): number {
    return this.#byId.size;
  }

  /** A token by id. */
  get(id: string): TimewebToken | undefined {
    return this.#byId.get(id);
  }

  /** A token by its current JWT. */
  bySecret(secret: string): TimewebToken | undefined {
    return this.#bySecret.get(secret);
  }

  /** Every token, in creation order. */
  all(): TimewebToken[] {
    return [...this.#byId.values()];
  }

  /** Creates a token with a fresh id and JWT. */
  create(token: NewTimewebToken): TimewebToken {
    assertWritableDates("timeweb token", { createdAt: token.createdAt, expiredAt: token.expiredAt });
    let id = this.#random.uuid();
    while (this.#byId.has(id)) id = this.#random.uuid();
    const created: TimewebToken = { ...token, id, secret: this.#jwt(id, token.createdAt, token.expiredAt) };
    this.#byId.set(id, created);
    this.#bySecret.set(created.secret, created);
    invalidate(this);
    return created;
  }

  /** Renames a token or changes its deletion permission. */
  update(token: TimewebToken, changes: Partial<Pick<TimewebToken, "name" | "isAbleToDelete">>): void {
    Object.assign(token, changes);
  }

  /** Issues a new JWT for the same id; the old one stops working. */
  reissue(token: TimewebToken, issuedAt: number, expiredAt: number | undefined): void {
    assertWritableDates("timeweb token", { createdAt: issuedAt, expiredAt });
    this.#bySecret.delete(token.secret);
    token.secret = this.#jwt(token.id, issuedAt, expiredAt);
    token.createdAt = issuedAt;
    token.expiredAt = expiredAt;
    this.#bySecret.set(token.secret, token);
    invalidate(this);
  }

  /** Revokes a token; `false` if it was not there. */
  delete(token: TimewebToken): boolean {
    if (this.#byId.get(token.id) !== token) return false;
    this.#byId.delete(token.id);
    this.#bySecret.delete(token.secret);
    invalidate(this);
    return true;
  }

  #jwt(id: string, issuedAt: number, expiresAt: number | undefined): string {
    return timewebJwt(this.#random, { id, login: this.login, issuedAt, expiresAt });
  }
}
