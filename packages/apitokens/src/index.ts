// The `apitokens` facade: every vendor client, what their users need from @apitokens/core, and one
// token lifecycle across vendors (`connect`). Every name below is a semver promise, listed on purpose;
// the vendor-author interface (createApiClient, defineVendor, TokenAdapter, Redactor, paginators,
// transport layers) stays in @apitokens/core. The one list of vendors is `vendors` (src/generated/).

// One typed client per vendor: its factory, client and option types, and the spec's models by namespace.

export type * as Dynatrace from "@apitokens/dynatrace";
export type { DynatraceClient, DynatraceClientOptions } from "@apitokens/dynatrace";
export { createDynatraceClient } from "@apitokens/dynatrace";
export type * as Gitlab from "@apitokens/gitlab";
export type { GitlabClient, GitlabClientOptions } from "@apitokens/gitlab";
export { createGitlabClient } from "@apitokens/gitlab";
export type * as Qernal from "@apitokens/qernal";
export type { QernalClient, QernalClientOptions } from "@apitokens/qernal";
export { createQernalClient } from "@apitokens/qernal";
export type * as Sematext from "@apitokens/sematext";
export type { SematextClient, SematextClientOptions, SematextRegion } from "@apitokens/sematext";
export { createSematextClient } from "@apitokens/sematext";
export type * as Timeweb from "@apitokens/timeweb";
export type { TimewebClient, TimewebClientOptions } from "@apitokens/timeweb";
export { createTimewebClient } from "@apitokens/timeweb";

// Every vendor, one token lifecycle: connect(), and what its calls take and answer.

export type {
  CallOptions,
  Capabilities,
  Capability,
  CreateField,
  CreateTokenInput,
  IssuedToken,
  OldTokenOutcome,
  RotatedToken,
  RotateOptions,
  RotationKind,
  TokenField,
  TokenInfo,
  Tokens,
  VendorConnection,
} from "@apitokens/core";
export type { Connected, ConnectionKey, ConnectOptions, VendorKey, VendorOptions } from "./connect.js";
export { connect, vendors } from "./connect.js";

// Typed calls and their options: answers, pages, secrets, and the policy defaults as data.

export type {
  ClientOptions,
  Credential,
  CredentialProvider,
  CredentialRequest,
  ErrorBody,
  FetchResult,
  RequestPolicyOptions,
  RetryOptions,
  RetryPolicy,
  SuccessData,
} from "@apitokens/core";
export { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUTS, isSecret, paginate, Secret, unwrap } from "@apitokens/core";

// Errors: one class per failure kind, every field redacted; guards that hold across two copies of the package.

export type { RedactedRequest, RotationReplacement, RotationState } from "@apitokens/core";
export {
  ApiError,
  ApiTokensError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  CreateOutcomeUnknownError,
  CredentialError,
  isApiError,
  isApiTokensError,
  isErrorOf,
  NotFoundError,
  PathParameterError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  ResponseParseError,
  ResponseShapeError,
  RotationError,
  SecretLostError,
  ServerError,
  TimeoutError,
  TokenExchangeError,
  UnsupportedOperationError,
} from "@apitokens/core";
