/** Number formatting for the table: thousands separators, fixed decimals, units. */

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** @example int(100001) // "100,001" */
export const int = (n) => grouped.format(n);

/** @example us(216.64) // "217 µs" */
export const us = (n) => `${Math.round(n)} µs`;

/** @example kb(10589) // "10.3 kB" (1 kB = 1024 bytes) */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** @example mb(0.52) // "0.5 MB" */
export const mb = (n) => `${n.toFixed(1)} MB`;

/** @example seconds(6465) // "6.5 s" */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @example times(1.453) // "1.45×" */
export const times = (r) => (r === null || r === undefined ? "n/a" : `${r.toFixed(2)}×`);
