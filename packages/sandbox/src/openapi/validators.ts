// The one hand-written file that reads the validators compiled at generate time.
import { validators } from "../generated/validators.js";

/** One error of a compiled validator, as Ajv reports it. */
export interface ValidationError {
  readonly keyword: string;
  /** JSON pointer of the offending value inside the validated one (`/scopes/0`). */
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A validator compiled from one schema of a spec: `true` if the value conforms; otherwise `errors` says why. */
export type CompiledValidator = ((value: unknown) => boolean) & { errors?: readonly ValidationError[] | null };

/**
 * The compiled validators of a vendor's document, keyed by the JSON pointer of each schema
 * (as `operationsOf` computes it: `#/paths/~1apiTokens/get/parameters/0/schema`).
 *
 * @example validatorAt("dynatrace")["#/components/parameters/pageSize/schema"]?.(500) // true
 */
export function validatorAt(vendor: string): Readonly<Record<string, CompiledValidator>> {
  const compiled = (validators as Record<string, Record<string, CompiledValidator>>)[vendor];
  if (!compiled) throw new Error(`no validators were compiled for ${vendor}: run \`npm run generate -w @apitokens/sandbox\``);
  return compiled;
}
