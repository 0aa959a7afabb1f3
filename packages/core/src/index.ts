// The public API of @apitokens/core: what vendor packages and the facade build on (the vendor-author
// interface) and what users of a client meet. Every export is named here; nothing is reachable by deep
// import, and nothing is exported only for tests (tests import internals from their source files).

export { apiKeyAuth } from "./auth/api-key.js";
export type { Credential, CredentialProvider, CredentialRequest } from "./auth/credential.js";
export { httpAuth } from "./auth/http-bearer.js";
export { oauth2ClientCredentialsAuth } from "./auth/oauth2-client-credentials.js";
export type { Authenticator, SchemeImplementation, SchemeSetup } from "./auth/scheme.js";
export type { ShapeCheck, ShapeContext, ShapeMismatch } from "./check-shape.js";
export { checkShape } from "./check-shape.js";
export type { ApiClient, VendorProfile } from "./client.js";
export { createApiClient } from "./client.js";
export type { Call } from "./context.js";
export type { ApiErrorOptions, RedactedRequest } from "./errors/api-error.js";
export { ApiError } from "./errors/api-error.js";
export type { ApiTokensErrorOptions, ErrorContext, TextRedactor } from "./errors/api-tokens-error.js";
export { ApiTokensError } from "./errors/api-tokens-error.js";
export { AuthenticationError } from "./errors/authentication-error.js";
export { BadRequestError } from "./errors/bad-request-error.js";
export { ConfigurationError } from "./errors/configuration-error.js";
export { ConflictError } from "./errors/conflict-error.js";
export type { ConnectionErrorOptions } from "./errors/connection-error.js";
export { ConnectionError } from "./errors/connection-error.js";
export type { CreateOutcomeUnknownErrorOptions } from "./errors/create-outcome-unknown-error.js";
export { CreateOutcomeUnknownError } from "./errors/create-outcome-unknown-error.js";
export type { CredentialErrorOptions } from "./errors/credential-error.js";
export { CredentialError } from "./errors/credential-error.js";
export { isApiError, isApiTokensError, isErrorOf } from "./errors/guards.js";
export { NotFoundError } from "./errors/not-found-error.js";
export type { PathParameterErrorOptions } from "./errors/path-parameter-error.js";
export { PathParameterError } from "./errors/path-parameter-error.js";
export { PermissionDeniedError } from "./errors/permission-denied-error.js";
export type { RateLimitErrorOptions } from "./errors/rate-limit-error.js";
export { RateLimitError } from "./errors/rate-limit-error.js";
export { RequestAbortedError } from "./errors/request-aborted-error.js";
export type { ResponseParseErrorOptions } from "./errors/response-parse-error.js";
export { ResponseParseError } from "./errors/response-parse-error.js";
export type { ResponseShapeErrorOptions } from "./errors/response-shape-error.js";
export { ResponseShapeError } from "./errors/response-shape-error.js";
export type { RotationErrorOptions, RotationReplacement, RotationState } from "./errors/rotation-error.js";
export { RotationError } from "./errors/rotation-error.js";
export type { SecretLostErrorOptions } from "./errors/secret-lost-error.js";
export { SecretLostError } from "./errors/secret-lost-error.js";
export { ServerError } from "./errors/server-error.js";
export type { TimeoutErrorOptions } from "./errors/timeout-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export type { TokenExchangeErrorOptions } from "./errors/token-exchange-error.js";
export { TokenExchangeError } from "./errors/token-exchange-error.js";
export type { UnsupportedOperationErrorOptions } from "./errors/unsupported-operation-error.js";
export { UnsupportedOperationError } from "./errors/unsupported-operation-error.js";
export { answerLacks, nonEmptyString } from "./lifecycle/answer-guard.js";
export type { WriteOutcome } from "./lifecycle/outcome.js";
export { writeOutcome } from "./lifecycle/outcome.js";
export type { CallOptions, Issued, TokenAdapter } from "./lifecycle/token-adapter.js";
export { signalOf } from "./lifecycle/token-adapter.js";
export type {
  Capabilities,
  Capability,
  CreateField,
  CreateTokenInput,
  RotationKind,
  TokenField,
  TokenInfo,
} from "./lifecycle/token-info.js";
export { toDate } from "./lifecycle/token-info.js";
export type { CreateTokensOptions, IssuedToken, OldTokenOutcome, RotatedToken, RotateOptions, Tokens } from "./lifecycle/tokens.js";
export { createTokens, orUndefined } from "./lifecycle/tokens.js";
export type { ClientOptions, RequestPolicyOptions } from "./options.js";
export { DEFAULT_TIMEOUTS } from "./options.js";
export type { PageInit, PageSpec, PaginatedClient, Pagination, Paginator } from "./paginate.js";
export { PAGE_WALK, paginate } from "./paginate.js";
export type { CursorPaging } from "./pagination/cursor.js";
export { cursorPages } from "./pagination/cursor.js";
export type { LinkPaging } from "./pagination/links.js";
export { linkPages } from "./pagination/links.js";
export type { OffsetPaging } from "./pagination/offset.js";
export { offsetPages } from "./pagination/offset.js";
export { REDACTED, Redactor } from "./redact.js";
export { isSecret, Secret } from "./secret.js";
export type {
  ApiKeySecuritySchemeSpec,
  ApiSpec,
  HttpSecuritySchemeSpec,
  OAuth2SecuritySchemeSpec,
  OperationSpec,
  ResponseBodyKind,
  SecretFormatSpec,
  SecuritySchemeSpec,
  ServerSpec,
  ServerVariableSpec,
} from "./spec.js";
export type { FetchLayer, FetchLike, Send } from "./transport/fetch-like.js";
export { wire } from "./transport/fetch-like.js";
export type { RetryOptions, RetryPolicy, WithRetryOptions } from "./transport/retry.js";
export { DEFAULT_RETRY_POLICY, withRetry } from "./transport/retry.js";
export { withTimeout } from "./transport/timeout.js";
export type { ErrorBody, FetchResult, SuccessData } from "./unwrap.js";
export { unwrap } from "./unwrap.js";
export type { ScopeHints, SecretFormat, VendorConnection, VendorData, VendorDefinition, VendorParts, VendorSetting } from "./vendor.js";
export { defineVendor, secretFormatsOf } from "./vendor.js";
