/**
 * Small statistics for noisy machines: medians and percentiles, never means, because one
 * stall of a shared core would move a mean and not a median.
 */

/**
 * The value below which `p` (0–1) of the samples fall (nearest rank on a sorted copy).
 *
 * @example percentile([5, 1, 3], 0.5) // 3
 */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

/** @example median([4, 1, 3, 2]) // 2 (lower middle, a sample that was measured) */
export const median = (samples) => percentile(samples, 0.5);

/** `value / base`, rounded to two decimals; `null` where it cannot be formed. */
export function ratio(value, base) {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base === 0) return null;
  return Math.round((value / base) * 100) / 100;
}

/** Rounds to `digits` decimals. */
export function round(value, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
