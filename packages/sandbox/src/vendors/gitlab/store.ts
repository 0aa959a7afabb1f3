import type { Random } from "../../random.js";
import { invalidate } from "../derived-lists.js";

/** Who a token belongs to: a user (personal access token), or a project's or group's bot user. */
export type GitlabTokenKind = "pat" | "project" | "group";

/** A stored GitLab access token, with its secret and the family it was rotated within. */
export interface GitlabToken {
  readonly id: number;
  readonly kind: GitlabTokenKind;
  /** The project or group id, for project and group tokens. */
  readonly resourceId: number | undefined;
  readonly name: string;
  readonly description: string | null;
  readonly scopes: readonly string[];
  readonly userId: number;
  /** Role of the bot user (project and group tokens). */
  readonly accessLevel: number | undefined;
  readonly createdAt: number;
  /** `YYYY-MM-DD`, or `null` (never expires). */
  readonly expiresAt: string | null;
  lastUsedAt: number | null;
  revoked: boolean;
  readonly secret: string;
  /** The id of the first token of the rotation family (itself when never rotated). */
  readonly familyId: number;
}

/** What `create` takes. */
export type NewGitlabToken = Omit<GitlabToken, "id" | "secret" | "familyId" | "revoked" | "lastUsedAt"> & {
  readonly familyId?: number | undefined;
  readonly lastUsedAt?: number | null | undefined;
};

/** A sandbox user: the admin whose token the sandbox hands out, other users, and bot users. */
export interface GitlabUser {
  readonly id: number;
  readonly username: string;
  readonly admin: boolean;
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * GitLab's token state: every token by id and by secret, users, and the ids of the projects
 * and groups that exist. Rotation creates a new token in the old one's family.
 *
 * @example const token = store.create({ kind: "pat", name: "ci", … }); store.bySecret(token.secret)
 */
export class GitlabStore {
  readonly #tokens = new Map<number, GitlabToken>();
  readonly #bySecret = new Map<string, GitlabToken>();
  readonly users = new Map<number, GitlabUser>();
  readonly projects = new Set<number>();
  readonly groups = new Set<number>();
  readonly #random: Random;
  #nextId = 1;
  #nextUserId = 100;

  constructor(random: Random) {
    this.#random = random;
  }

  /** A legacy-format secret: `glpat-` and 20 characters. @see specs/gitlab.yaml, schema TokenSecret */
  #secret(): string {
    for (;;) {
      const secret = `glpat-${this.#random.string(BASE64URL, 20)}`;
      if (!this.#bySecret.has(secret)) return secret;
    }
  }

  addUser(username: string, admin = false): GitlabUser {
    const user = { id: this.#nextUserId++, username, admin };
    this.users.set(user.id, user);
    return user;
  }

  create(input: NewGitlabToken): GitlabToken {
    const id = this.#nextId++;
    const token: GitlabToken = {
      ...input,
      id,
      secret: this.#secret(),
      familyId: input.familyId ?? id,
      revoked: false,
      lastUsedAt: input.lastUsedAt ?? null,
    };
    this.#tokens.set(id, token);
    this.#bySecret.set(token.secret, token);
    invalidate(this);
    return token;
  }

  get(id: number): GitlabToken | undefined {
    return this.#tokens.get(id);
  }

  bySecret(secret: string): GitlabToken | undefined {
    return this.#bySecret.get(secret);
  }

  /** Every token, oldest first. */
  all(): GitlabToken[] {
    return [...this.#tokens.values()];
  }

  /** Revokes the old token and creates its successor (new id and secret, same name, description and scopes). */
  rotate(old: GitlabToken, expiresAt: string | null, now: number): GitlabToken {
    old.revoked = true;
    const { id: _id, secret: _secret, revoked: _revoked, lastUsedAt: _used, ...kept } = old;
    return this.create({ ...kept, createdAt: now, expiresAt, familyId: old.familyId });
  }

  /** Reuse detection: revokes every active token of a family. */
  revokeFamily(familyId: number): void {
    for (const token of this.#tokens.values()) if (token.familyId === familyId) token.revoked = true;
  }
}
