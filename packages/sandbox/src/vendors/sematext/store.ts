import type { Random } from "../../random.js";
import { assertWritableDates } from "../limits.js";

/** A Sematext App token as the sandbox keeps it (dates in epoch ms). */
export interface SematextToken {
  readonly id: number;
  readonly appId: number;
  /** The value agents send; replaced by a regenerate. */
  token: string;
  name: string;
  readonly readable: boolean;
  readonly writeable: boolean;
  enabled: boolean;
  readonly createdAt: number;
}

/** A Sematext App and its tokens. */
export interface SematextApp {
  readonly id: number;
  readonly name: string;
  readonly tokens: Map<number, SematextToken>;
}

/**
 * The Sematext account: its API key, its Apps and their tokens (ids are account-wide, as a
 * numeric primary key would be).
 *
 * @example sandbox.state.sematext.app(sandbox.sematextApps[0])?.tokens.size
 */
export class SematextStore {
  readonly #random: Random;
  readonly #apps = new Map<number, SematextApp>();
  #nextTokenId: number;

  constructor(random: Random) {
    this.#random = random;
    this.#nextTokenId = random.int(1000, 1999);
  }

  /** Adds an App. */
  addApp(id: number, name: string): SematextApp {
    const app: SematextApp = { id, name, tokens: new Map() };
    this.#apps.set(id, app);
    return app;
  }

  /** An App by id. */
  app(id: number): SematextApp | undefined {
    return this.#apps.get(id);
  }

  /** Every App, in creation order. */
  apps(): SematextApp[] {
    return [...this.#apps.values()];
  }

  /** A token of an App. */
  get(appId: number, tokenId: number): SematextToken | undefined {
    return this.#apps.get(appId)?.tokens.get(tokenId);
  }

  /** Creates a token in an App with a fresh id and a UUID value. */
  create(app: SematextApp, token: Omit<SematextToken, "id" | "appId" | "token">): SematextToken {
    assertWritableDates("sematext token", { createdAt: token.createdAt });
    const created: SematextToken = { ...token, id: this.#nextTokenId++, appId: app.id, token: this.#random.uuid() };
    app.tokens.set(created.id, created);
    return created;
  }

  /** Renames, enables or disables a token. */
  update(token: SematextToken, changes: Partial<Pick<SematextToken, "name" | "enabled">>): void {
    Object.assign(token, changes);
  }

  /** Gives a token a new value; id, name and permissions stay. */
  regenerate(token: SematextToken): void {
    token.token = this.#random.uuid();
  }

  /** Deletes a token; `false` if it was not there. */
  delete(token: SematextToken): boolean {
    return this.#apps.get(token.appId)?.tokens.delete(token.id) ?? false;
  }
}
