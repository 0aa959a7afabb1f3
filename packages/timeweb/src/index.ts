// The public API of @apitokens/timeweb.

export type { TimewebClient, TimewebClientOptions } from "./generated/client.js";
export { createTimewebClient, TIMEWEB_TOKEN_ENV } from "./generated/client.js";
export type * from "./generated/models.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { OperationId } from "./generated/spec.js";
export { spec } from "./generated/spec.js";
export type { TimewebToken } from "./lifecycle.js";
export { TIMEWEB_CAPABILITIES, timewebAdapter, timewebTokenInfo } from "./lifecycle.js";
export { vendor } from "./vendor.js";
