/**
 * Brands that recognise apitokens' errors and secrets across copies of the package (two versions
 * installed side by side, a bundle and a dependency) and after minification, where `instanceof`
 * and `constructor.name` fail. `Symbol.for` gives every copy the same symbol.
 */
export const ERROR_BRAND: unique symbol = Symbol.for("apitokens.error") as never;
/** On `ApiError.prototype`: an HTTP error answer. */
export const API_ERROR_BRAND: unique symbol = Symbol.for("apitokens.error.api") as never;
/** On `Secret.prototype`. */
export const SECRET_BRAND: unique symbol = Symbol.for("apitokens.secret") as never;

/** Marks a class's prototype with a brand (not enumerable, so no printed form shows it). */
export function brand(target: { prototype: object }, symbol: symbol): void {
  Object.defineProperty(target.prototype, symbol, { value: true, enumerable: false });
}

/** True when `value` carries `symbol` (own or inherited). */
export function hasBrand(value: unknown, symbol: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[symbol] === true;
}
