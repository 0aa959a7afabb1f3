// The `apitokens` command as a library, for embedding and tests. The executable is dist/bin.js.

export type { AuditPolicy, FindingKind } from "./audit.js";
export { DEFAULT_AUDIT_POLICY, FINDING_KINDS, findings } from "./audit.js";
export type { ExitCode } from "./exit-codes.js";
export { EXIT } from "./exit-codes.js";
export type { Io } from "./io.js";
export { processIo } from "./io.js";
export { main } from "./main.js";
