import type { TokenInfo } from "apitokens";

/** The kinds of audit findings, in the order they are reported. */
export const FINDING_KINDS = ["expired", "expiring-soon", "never-used", "unused", "never-expires", "disabled"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Thresholds of an audit. */
export interface AuditPolicy {
  /** A token expiring within this many ms is "expiring-soon". @default 30 days */
  readonly expiringWithinMs: number;
  /** A token last used longer ago than this is "unused". @default 90 days */
  readonly unusedForMs: number;
}

export const DEFAULT_AUDIT_POLICY: AuditPolicy = Object.freeze({ expiringWithinMs: 30 * 86_400_000, unusedForMs: 90 * 86_400_000 });

/**
 * What is wrong with a token, judged only on facts the vendor reports (an unknown expiry is not
 * "never expires"; an unknown last use is not "never used").
 *
 * @example findings({ expiresAt: null, lastUsedAt: null, enabled: true, … }, now) // ["never-used", "never-expires"]
 */
export function findings(token: TokenInfo, now: Date, policy: AuditPolicy = DEFAULT_AUDIT_POLICY): FindingKind[] {
  const at = now.getTime();
  const out: FindingKind[] = [];
  const expires = token.expiresAt?.getTime();
  if (expires !== undefined && expires <= at) out.push("expired");
  else if (expires !== undefined && expires - at <= policy.expiringWithinMs) out.push("expiring-soon");
  if (token.lastUsedAt === null) out.push("never-used");
  else if (token.lastUsedAt && at - token.lastUsedAt.getTime() > policy.unusedForMs) out.push("unused");
  if (token.expiresAt === null) out.push("never-expires");
  if (token.enabled === false) out.push("disabled");
  return out;
}
