// The `apitokens` facade: every vendor client, the shared core, and one token lifecycle across
// vendors (`connect`). It composes; behaviour lives in @apitokens/core and the vendor packages.

export * from "@apitokens/core";
export type * as Dynatrace from "@apitokens/dynatrace";
export type { DynatraceClient, DynatraceClientOptions } from "@apitokens/dynatrace";
export { createDynatraceClient, DYNATRACE_CAPABILITIES, DYNATRACE_TOKEN_ENV, dynatraceAdapter } from "@apitokens/dynatrace";
export type * as Gitlab from "@apitokens/gitlab";
export type { GitlabClient, GitlabClientOptions, GitlabToken } from "@apitokens/gitlab";
export { createGitlabClient, GITLAB_CAPABILITIES, GITLAB_TOKEN_ENV, gitlabAdapter } from "@apitokens/gitlab";
export type * as Qernal from "@apitokens/qernal";
export type { QernalClient, QernalClientOptions } from "@apitokens/qernal";

export { createQernalClient, QERNAL_CAPABILITIES, QERNAL_TOKEN_ENV, qernalAdapter } from "@apitokens/qernal";
export type * as Sematext from "@apitokens/sematext";
export type { SematextClient, SematextClientOptions, SematextRegion, SematextToken } from "@apitokens/sematext";
export { createSematextClient, SEMATEXT_CAPABILITIES, SEMATEXT_REGIONS, SEMATEXT_TOKEN_ENV, sematextAdapter } from "@apitokens/sematext";
export type * as Timeweb from "@apitokens/timeweb";
export type { TimewebClient, TimewebClientOptions, TimewebToken } from "@apitokens/timeweb";
export { createTimewebClient, TIMEWEB_CAPABILITIES, TIMEWEB_TOKEN_ENV, timewebAdapter } from "@apitokens/timeweb";
export type { Connected, ConnectionKey, ConnectOptions, VendorKey, VendorOptions } from "./connect.js";
export { connect, vendors } from "./connect.js";
