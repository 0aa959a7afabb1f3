import { ApiError, type ApiErrorOptions } from "./api-error.js";
import { AuthenticationError } from "./authentication-error.js";
import { BadRequestError } from "./bad-request-error.js";
import { ConflictError } from "./conflict-error.js";
import { NotFoundError } from "./not-found-error.js";
import { PermissionDeniedError } from "./permission-denied-error.js";
import { RateLimitError } from "./rate-limit-error.js";
import { ServerError } from "./server-error.js";

/** Options of {@link apiErrorFor}. */
export interface ApiErrorForOptions<TBody> extends Omit<ApiErrorOptions<TBody>, "status"> {
  readonly status: number;
  readonly retryAfterMs?: number | undefined;
}

/**
 * The {@link ApiError} subclass for a status: 400, 401, 403, 404, 409, 429 and 5xx have their
 * own; anything else is a plain `ApiError`.
 *
 * @example apiErrorFor("scopes: must not be empty", { status: 400, vendor: "dynatrace" }) // BadRequestError
 */
export function apiErrorFor<TBody>(detail: string, options: ApiErrorForOptions<TBody>): ApiError<TBody> {
  const message = detail || "no details in the response";
  switch (options.status) {
    case 400:
      return new BadRequestError<TBody>(message, options);
    case 401:
      return new AuthenticationError<TBody>(message, options);
    case 403:
      return new PermissionDeniedError<TBody>(message, options);
    case 404:
      return new NotFoundError<TBody>(message, options);
    case 409:
      return new ConflictError<TBody>(message, options);
    case 429:
      return new RateLimitError<TBody>(message, options);
    default:
      return options.status >= 500 ? new ServerError<TBody>(message, options) : new ApiError<TBody>(message, options);
  }
}

const MAX_DETAIL = 300;

/**
 * A one-line summary of a vendor error body, for messages. Understands the common shapes
 * (`message`, `error.message`, constraint or field lists); vendors may pass their own.
 *
 * @example describeErrorBody({ error: { message: "Constraints violated.", constraintViolations: [{ path: "scopes", message: "must not be empty" }] } })
 * // "Constraints violated. (scopes: must not be empty)"
 */
export function describeErrorBody(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() ? truncate(body.trim().split("\n")[0] ?? "") : undefined;
  if (!body || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  const nested = record.error && typeof record.error === "object" ? (record.error as Record<string, unknown>) : undefined;
  const message = stringish(nested?.message) ?? stringish(record.message) ?? stringish(record.error_description) ?? stringish(record.error);
  const details: string[] = [];
  for (const list of [nested?.constraintViolations, record.constraintViolations, record.errors]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!item || typeof item !== "object") continue;
      const entry = item as Record<string, unknown>;
      const where = stringish(entry.path) ?? stringish(entry.field) ?? stringish(entry.code);
      const what = stringish(entry.message);
      if (what) details.push(where ? `${where}: ${what}` : what);
    }
  }
  for (const map of [record.fields]) {
    if (!map || typeof map !== "object" || Array.isArray(map)) continue;
    for (const [field, text] of Object.entries(map)) if (typeof text === "string") details.push(`${field}: ${text}`);
  }
  if (!message && details.length === 0) return undefined;
  if (details.length === 1 && (!message || /constraint|invalid|missing|bad request/i.test(message))) return truncate(details[0] ?? "");
  return truncate([message, details.length ? `(${details.join("; ")})` : ""].filter(Boolean).join(" "));
}

function stringish(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim()) return value.trim();
  if (Array.isArray(value) && value.every((v) => typeof v === "string") && value.length) return value.join("; ");
  return undefined;
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}
