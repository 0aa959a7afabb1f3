/**
 * How long a response asks the client to wait before retrying, in milliseconds: the
 * non-standard `retry-after-ms` first (sent by some APIs for sub-second waits), then
 * `Retry-After` as delta-seconds or an HTTP-date. `undefined` when absent or unreadable.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 * @example retryAfterMs(new Headers({ "Retry-After": "2" })) // 2000
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
