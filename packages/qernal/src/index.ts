// The public API of @apitokens/qernal.

export type { QernalClient, QernalClientOptions, QernalPages } from "./generated/client.js";
export { createQernalClient, QERNAL_TOKEN_ENV } from "./generated/client.js";
export type * from "./generated/models.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { OperationId } from "./generated/spec.js";
export { spec } from "./generated/spec.js";
export { QERNAL_CAPABILITIES, qernalAdapter, qernalTokenInfo } from "./lifecycle.js";
export { vendor } from "./vendor.js";
