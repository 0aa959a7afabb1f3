// The public API of @apitokens/dynatrace.

export type { DynatraceClient, DynatraceClientOptions, DynatracePages, ListApiTokensQuery } from "./generated/client.js";
export { createDynatraceClient, DYNATRACE_TOKEN_ENV } from "./generated/client.js";
export type * from "./generated/models.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { OperationId } from "./generated/spec.js";
export { spec } from "./generated/spec.js";
export { DYNATRACE_CAPABILITIES, dynatraceAdapter, dynatraceTokenInfo } from "./lifecycle.js";
export { vendor } from "./vendor.js";
