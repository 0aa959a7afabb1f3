import type { Random } from "../../random.js";
import { hydraAccessToken, qernalSecret } from "../../secrets.js";
import { invalidate } from "../derived-lists.js";
import { assertWritableDates } from "../limits.js";

/** A Qernal auth token as the sandbox keeps it (dates in epoch ms). */
export interface QernalToken {
  /** The token's UUID, also the OAuth2 client id. */
  readonly id: string;
  /** The combined secret users hold, `<id>@<client secret>`; replaced when regenerated. */
  secret: string;
  name: string;
  readonly userId: string;
  /** When it stops working; `undefined` never (created with `expiry_duration: 0`). */
  expiresAt: number | undefined;
  readonly createdAt: number;
  updatedAt: number;
}

/** An access token issued by the token endpoint. */
export interface QernalAccessToken {
  readonly tokenId: string;
  readonly expiresAt: number;
}

/**
 * The Qernal user's auth tokens, and the OAuth2 access tokens exchanged for them.
 *
 * @example sandbox.state.qernal.get(id)?.expiresAt
 */
export class QernalStore {
  /** The user every sandbox token belongs to. */
  readonly userId: string;
  readonly #random: Random;
  readonly #tokens = new Map<string, QernalToken>();
  readonly #access = new Map<string, QernalAccessToken>();
  readonly #accessByToken = new Map<string, Set<string>>();

  constructor(random: Random) {
    this.#random = random;
    this.userId = random.uuid();
  }

  /** Number of auth tokens. */
  get size(): number {
    return this.#tokens.size;
  }

  /** An auth token by id. */
  get(id: string): QernalToken | undefined {
    return this.#tokens.get(id);
  }

  /** Every auth token, in creation order. */
  all(): QernalToken[] {
    return [...this.#tokens.values()];
  }

  /** Creates an auth token with a fresh id and secret. */
  create(token: Omit<QernalToken, "id" | "secret" | "userId">): QernalToken {
    assertWritableDates("qernal token", { expiresAt: token.expiresAt, createdAt: token.createdAt, updatedAt: token.updatedAt });
    let id = this.#random.uuid();
    while (this.#tokens.has(id)) id = this.#random.uuid();
    const created: QernalToken = { ...token, id, userId: this.userId, secret: `${id}@${qernalSecret(this.#random)}` };
    this.#tokens.set(id, created);
    invalidate(this);
    return created;
  }

  /** Changes name, expiry or update time. */
  update(token: QernalToken, changes: Partial<Pick<QernalToken, "name" | "expiresAt" | "updatedAt">>): void {
    assertWritableDates("qernal token", { expiresAt: changes.expiresAt, updatedAt: changes.updatedAt });
    Object.assign(token, changes);
  }

  /** Issues a new client secret for the same id; the old one can no longer be exchanged. */
  regenerate(token: QernalToken): void {
    token.secret = `${token.id}@${qernalSecret(this.#random)}`;
  }

  /** Deletes an auth token and revokes the access tokens exchanged for it. */
  delete(token: QernalToken): boolean {
    if (this.#tokens.get(token.id) !== token) return false;
    this.#tokens.delete(token.id);
    invalidate(this);
    for (const access of this.#accessByToken.get(token.id) ?? []) this.#access.delete(access);
    this.#accessByToken.delete(token.id);
    return true;
  }

  /** The auth token whose client id and secret these are, if they match. */
  verify(clientId: string, clientSecret: string): QernalToken | undefined {
    const token = this.#tokens.get(clientId);
    return token && token.secret === `${clientId}@${clientSecret}` ? token : undefined;
  }

  /** Issues an access token for an auth token. */
  issueAccessToken(token: QernalToken, expiresAt: number): string {
    const value = hydraAccessToken(this.#random);
    this.#access.set(value, { tokenId: token.id, expiresAt });
    const issued = this.#accessByToken.get(token.id) ?? new Set<string>();
    issued.add(value);
    this.#accessByToken.set(token.id, issued);
    return value;
  }

  /** The auth token behind a live access token. */
  authenticate(accessToken: string, now: number): QernalToken | undefined {
    const access = this.#access.get(accessToken);
    if (!access) return undefined;
    if (access.expiresAt <= now) {
      this.#access.delete(accessToken);
      this.#accessByToken.get(access.tokenId)?.delete(accessToken);
      return undefined;
    }
    const token = this.#tokens.get(access.tokenId);
    return token && (token.expiresAt === undefined || token.expiresAt > now) ? token : undefined;
  }
}
