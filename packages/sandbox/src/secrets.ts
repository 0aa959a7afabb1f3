import type { Random } from "./random.js";

const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Characters Ory Hydra uses in generated client secrets (RFC 3986 unreserved). */
const HYDRA_SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/**
 * A Dynatrace classic token: `dt0c01.<24 public>.<64 secret>`; its id is the first two parts.
 *
 * @see specs/dynatrace.yaml, schemas TokenId and TokenSecret
 * @example dynatraceToken(random) // { id: "dt0c01.344T…", secret: "dt0c01.344T….XKWO…" }
 */
export function dynatraceToken(random: Random): { readonly id: string; readonly secret: string } {
  const id = `dt0c01.${random.string(UPPER_DIGITS, 24)}`;
  return { id, secret: `${id}.${random.string(UPPER_DIGITS, 64)}` };
}

/**
 * A Timeweb Cloud API token: a JWT (three base64url parts) signed RS512-style, whose payload
 * names the token id (`jti`), the account (`login`) and the issue and expiry times.
 *
 * @see specs/timeweb.yaml, schema CreatedApiKey.token
 * @example timewebJwt(random, { id, login: "tw123456", issuedAt: Date.now() })
 */
export function timewebJwt(
  random: Random,
  claims: { readonly id: string; readonly login: string; readonly issuedAt: number; readonly expiresAt?: number | undefined },
): string {
  const header = { alg: "RS512", typ: "JWT" };
  const payload = {
    login: claims.login,
    is_api_key: true,
    jti: claims.id,
    iat: Math.floor(claims.issuedAt / 1000),
    ...(claims.expiresAt === undefined ? {} : { exp: Math.floor(claims.expiresAt / 1000) }),
  };
  // A 4096-bit RSA signature is 512 bytes: 683 base64url characters.
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${random.string(BASE64URL, 683)}`;
}

/**
 * A Qernal auth token secret, `<client id>@<client secret>`; the client id is the token's UUID.
 *
 * @see specs/qernal.yaml, schema AuthToken.token
 * @example qernalSecret(random) // "Q7.xVn2~pL_8rTb4KdWm0s…"
 */
export function qernalSecret(random: Random): string {
  return random.string(HYDRA_SECRET, 32);
}

/**
 * An OAuth2 access token as Ory Hydra issues them: `ory_at_<43>.<43>` (base64url).
 *
 * @example hydraAccessToken(random) // "ory_at_…"
 */
export function hydraAccessToken(random: Random): string {
  return `ory_at_${random.string(BASE64URL, 43)}.${random.string(BASE64URL, 43)}`;
}

/** Base64url without padding (RFC 7515 §2), with web APIs only so the handler runs anywhere. */
function base64url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join("");
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
