import { isoSeconds } from "../../clock.js";
import { json } from "../../http/responses.js";
import type { Emulator, Handler } from "../emulator.js";
import { nameTooLong, SANDBOX_LIMITS } from "../limits.js";
import type { SematextStore, SematextToken } from "./store.js";

const MEDIA_TYPE = "application/json";

/** Options of {@link sematextEmulator}. */
export interface SematextEmulatorOptions {
  readonly store: SematextStore;
  readonly now: () => number;
  /** The account API key (a UUID) accepted as `Authorization: apiKey <key>`. */
  readonly apiKey: string;
}

/**
 * The Sematext Cloud App-token endpoints: `apiKey <key>` auth, the `{ success, message,
 * errors, data }` envelope on every answer, token values on every list, regenerate keeping
 * the id and changing the value. Permissions are fixed at creation.
 *
 * Where the reference is silent the sandbox chooses: `name` is required on create and a
 * token must be readable or writeable (omitted flags are `false`).
 *
 * @see specs/sematext.yaml
 * @example const emulator = sematextEmulator({ store, now: Date.now, apiKey });
 */
export function sematextEmulator({ store, now, apiKey }: SematextEmulatorOptions): Emulator<string> {
  const error = (
    status: number,
    message: string,
    headers: Record<string, string> = {},
    errors?: readonly { code: string; message: string }[],
  ) => json(status, { success: false, message, ...(errors ? { errors } : {}) }, MEDIA_TYPE, headers);
  const invalid = (message: string) => error(400, "Invalid request", {}, [{ code: "VALIDATION_ERROR", message }]);
  const ok = (data: unknown) => json(200, { success: true, data }, MEDIA_TYPE);

  const dto = (token: SematextToken) => ({
    id: token.id,
    name: token.name,
    token: token.token,
    readable: token.readable,
    writeable: token.writeable,
    enabled: token.enabled,
    createdAt: isoSeconds(token.createdAt),
  });
  const appOf = (appId: unknown) => store.app(appId as number);
  const tokenOf = (appId: unknown, tokenId: unknown) => store.get(appId as number, tokenId as number);
  const missing = (appId: unknown, tokenId?: unknown) =>
    appOf(appId) ? error(404, `invalid token id ${String(tokenId)}`) : error(404, `invalid app id ${String(appId)}`);

  const list: Handler<string> = ({ path }) => {
    const app = appOf(path.appId);
    return app ? ok({ tokens: [...app.tokens.values()].map(dto) }) : missing(path.appId);
  };

  const create: Handler<string> = ({ path, body }) => {
    const app = appOf(path.appId);
    if (!app) return missing(path.appId);
    const request = body as { name?: string; readable?: boolean; writeable?: boolean };
    if (!request.name?.trim()) return invalid("name: must not be empty");
    if (nameTooLong(request.name)) return invalid(`name: must be at most ${SANDBOX_LIMITS.nameLength} characters`);
    if (!request.readable && !request.writeable) return invalid("a token must be readable or writeable");
    const token = store.create(app, {
      name: request.name,
      readable: request.readable ?? false,
      writeable: request.writeable ?? false,
      enabled: true,
      createdAt: now(),
    });
    return ok({ token: dto(token) });
  };

  const update: Handler<string> = ({ path, body }) => {
    const token = tokenOf(path.appId, path.tokenId);
    if (!token) return missing(path.appId, path.tokenId);
    const changes = body as { name?: string; enabled?: boolean };
    if (changes.name !== undefined && !changes.name.trim()) return invalid("name: must not be empty");
    if (changes.name !== undefined && nameTooLong(changes.name))
      return invalid(`name: must be at most ${SANDBOX_LIMITS.nameLength} characters`);
    store.update(token, {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.enabled === undefined ? {} : { enabled: changes.enabled }),
    });
    return ok({ token: dto(token) });
  };

  const remove: Handler<string> = ({ path }) => {
    const token = tokenOf(path.appId, path.tokenId);
    if (!token) return missing(path.appId, path.tokenId);
    store.delete(token);
    return ok({});
  };

  const regenerate: Handler<string> = ({ path }) => {
    const token = tokenOf(path.appId, path.tokenId);
    if (!token) return missing(path.appId, path.tokenId);
    store.regenerate(token);
    return ok({ token: dto(token) });
  };

  return {
    vendor: "sematext",
    mediaType: MEDIA_TYPE,
    authenticate(request) {
      const match = /^apiKey (\S+)$/.exec(request.headers.get("authorization") ?? "");
      return match?.[1] === apiKey ? apiKey : error(401, "Unauthorized");
    },
    badRequest: (problems) =>
      error(
        400,
        "Invalid request",
        {},
        problems.map((p) => ({ code: "VALIDATION_ERROR", message: `${p.name || p.in}: ${p.message}` })),
      ),
    error,
    handlers: {
      getAppTokens_1: list,
      createAppToken: create,
      updateAppToken: update,
      deleteAppToken_1: remove,
      regenerateAppToken_1: regenerate,
    },
  };
}
