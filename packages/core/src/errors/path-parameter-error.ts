import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link PathParameterError}. */
export interface PathParameterErrorOptions extends ApiTokensErrorOptions {
  /** The parameter's name in the path template, e.g. `"id"`. */
  readonly parameter: string;
}

/**
 * A path parameter would change which resource the request hits: it is missing, empty,
 * whitespace, `.` or `..`, or still the literal `{name}`. Thrown before anything is sent.
 *
 * @example
 * await client.DELETE("/apiTokens/{id}", { params: { path: { id: ".." } } }); // throws PathParameterError
 */
export class PathParameterError extends ApiTokensError {
  override name = "PathParameterError";
  readonly parameter: string;

  constructor(message: string, options: PathParameterErrorOptions) {
    super(message, options);
    this.parameter = this.redact(options.parameter);
  }
}
