// The public API of @apitokens/sematext.

export type { SematextClient, SematextClientOptions, SematextRegion } from "./generated/client.js";
export { createSematextClient, SEMATEXT_REGIONS, SEMATEXT_TOKEN_ENV } from "./generated/client.js";
export type * from "./generated/models.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { OperationId } from "./generated/spec.js";
export { spec } from "./generated/spec.js";
export type { SematextAdapterOptions, SematextToken } from "./lifecycle.js";
export { SEMATEXT_CAPABILITIES, sematextAdapter, sematextTokenId, sematextTokenInfo } from "./lifecycle.js";
export type { SematextVendorOptions } from "./vendor.js";
export { vendor } from "./vendor.js";
