// The public API of @apitokens/sandbox for every runtime with `fetch` (browsers, workers,
// Deno, Bun, Node): the in-process sandbox. Nothing here imports `node:*` or
// `@hono/node-server`; the HTTP server (`startSandbox`) is added by `./node.ts`, which Node
// resolves for the same specifier (export condition `node`) and `@apitokens/sandbox/node` names.

export type { Fault, FaultAfter, FaultBefore, FaultDecision, FaultTarget, VendorFaults } from "./faults.js";
export { DEFAULT_FAULTS, FAULT_TIMING, Faults } from "./faults.js";
export type { SandboxOptions } from "./options.js";
export { DEFAULT_SEED_COUNTS, SANDBOX_DEFAULTS } from "./options.js";
export type { Sandbox, SandboxCredentials, SandboxState } from "./sandbox.js";
export { createSandbox } from "./sandbox.js";
export type { AccountContext, BinFlag, ConnectOptions, ExtraRoute, VendorDescriptor } from "./vendors/descriptor.js";
export { defineVendor } from "./vendors/descriptor.js";
export type { DynatraceSortKey, DynatraceToken, NewDynatraceToken } from "./vendors/dynatrace/store.js";
export { DynatraceStore } from "./vendors/dynatrace/store.js";
export type { Emulator, Handler, HandlerContext } from "./vendors/emulator.js";
export type { GitlabToken, GitlabTokenKind, GitlabUser, NewGitlabToken } from "./vendors/gitlab/store.js";
export { GitlabStore } from "./vendors/gitlab/store.js";
export type { QernalListShape } from "./vendors/qernal/emulator.js";
export type { QernalAccessToken, QernalToken } from "./vendors/qernal/store.js";
export { QernalStore } from "./vendors/qernal/store.js";
export type { SematextApp, SematextToken } from "./vendors/sematext/store.js";
export { SematextStore } from "./vendors/sematext/store.js";
export type { NewTimewebToken, TimewebToken } from "./vendors/timeweb/store.js";
export { TimewebStore } from "./vendors/timeweb/store.js";
export type { StoreOf, Vendor } from "./vendors.js";
export { BASE_PATHS, DESCRIPTORS, QERNAL_TOKEN_PATH, VENDORS } from "./vendors.js";
