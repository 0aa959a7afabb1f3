import { CliError, EXIT } from "./exit-codes.js";
import { safe } from "./format/text.js";

/**
 * A vendor answer the library could not make sense of without a typed error of its own (an
 * empty or `null` body, a field of the wrong type): reported with the vendor and the operation,
 * never as a crash. The original failure's message is kept, shortened, for the report.
 */
export class VendorAnswerError extends CliError {
  override name = "VendorAnswerError";
  constructor(
    readonly vendor: string,
    readonly vendorName: string,
    readonly operation: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`${vendorName}: the answer to ${operation} does not match its API (${safe(detail, 100)})`, EXIT.failure, { cause });
  }
}
