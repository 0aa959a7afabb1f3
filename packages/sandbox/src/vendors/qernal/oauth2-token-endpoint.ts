import { json } from "../../http/responses.js";
import type { QernalStore } from "./store.js";

/** Options of {@link qernalTokenEndpoint}. */
export interface TokenEndpointOptions {
  readonly store: QernalStore;
  readonly now: () => number;
  /** Lifetime of an access token, in seconds (Ory Hydra's default is one hour). */
  readonly accessTokenTtlSeconds: number;
}

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/**
 * Qernal's OAuth2 token endpoint (Ory Hydra in reality): the client-credentials grant for an
 * auth token `<id>@<secret>`, with the client authenticated by HTTP Basic
 * (`client_secret_basic`) or in the form body (`client_secret_post`), not both. A deleted,
 * expired or regenerated-away secret is `invalid_client`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @example const answer = await qernalTokenEndpoint({ store, now: Date.now, accessTokenTtlSeconds: 3600 })(request);
 */
export function qernalTokenEndpoint({ store, now, accessTokenTtlSeconds }: TokenEndpointOptions): (request: Request) => Promise<Response> {
  const oauthError = (status: number, code: string, description: string, headers: Record<string, string> = {}) =>
    json(status, { error: code, error_description: description }, "application/json", { ...NO_STORE, ...headers });

  return async (request) => {
    const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") {
      return oauthError(400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
    }
    const form = new URLSearchParams(await request.text());
    const grant = form.get("grant_type");
    if (!grant) return oauthError(400, "invalid_request", "The request is missing the grant_type parameter.");
    if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", `The grant type ${grant} is not supported.`);

    const basic = /^Basic (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const postId = form.get("client_id");
    const postSecret = form.get("client_secret");
    if (basic && (postId !== null || postSecret !== null)) {
      // RFC 6749 §2.3: a client must not use more than one authentication method per request.
      return oauthError(400, "invalid_request", "Use either HTTP Basic or client_secret_post, not both.");
    }
    let credentials: { id: string; secret: string } | undefined;
    if (basic) credentials = fromBasic(basic);
    else if (postId !== null && postSecret !== null) credentials = { id: postId, secret: postSecret };
    const challenge: Record<string, string> = basic ? { "www-authenticate": 'Basic realm="qernal"' } : {};
    const token = credentials ? store.verify(credentials.id, credentials.secret) : undefined;
    const at = now();
    if (!token || (token.expiresAt !== undefined && token.expiresAt <= at)) {
      return oauthError(
        401,
        "invalid_client",
        "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).",
        challenge,
      );
    }
    const lifetime = Math.min(accessTokenTtlSeconds * 1000, (token.expiresAt ?? Number.POSITIVE_INFINITY) - at);
    const accessToken = store.issueAccessToken(token, at + lifetime);
    return json(
      200,
      { access_token: accessToken, token_type: "bearer", expires_in: Math.floor(lifetime / 1000), scope: "" },
      "application/json",
      NO_STORE,
    );
  };
}

/** `Basic base64(form-encoded id ":" form-encoded secret)`, RFC 6749 §2.3.1. */
function fromBasic(encoded: string): { id: string; secret: string } | undefined {
  let decoded: string;
  try {
    decoded = atob(encoded);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const formDecode = (value: string) => {
    try {
      return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
      return undefined;
    }
  };
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}
