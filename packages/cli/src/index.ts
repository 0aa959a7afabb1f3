// The `apitokens` command as a library, for embedding and tests. The executable is bin/apitokens.js.

export type { AuditPolicy, FindingKind } from "./audit.js";
export { DEFAULT_AUDIT_POLICY, FINDING_KINDS, findings } from "./audit.js";
export type { ErrorJson } from "./error-report.js";
export type { ExitCode } from "./exit-codes.js";
export { EXIT } from "./exit-codes.js";
export { displayWidth, escapeControl, shorten } from "./format/text.js";
export type { FileSystem, Io } from "./io.js";
export { processIo } from "./io.js";
export type { TokenJson, VendorStatusJson } from "./json.js";
export { main, version } from "./main.js";
export type { DeliveryJson } from "./secret-delivery.js";
