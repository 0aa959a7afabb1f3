// The one hand-written file that reads the generated bundle of the four specs.
import { specs as bundled } from "../generated/specs.js";
import type { Vendor } from "../vendors.js";
import type { OpenApiDocument } from "./document.js";

/**
 * The vendors' OpenAPI documents as bundled at generate time (prose removed).
 *
 * @example specs.dynatrace.servers[0].url // "https://{environmentId}.live.dynatrace.com/api/v2"
 */
export const specs = bundled as Readonly<Record<Vendor, OpenApiDocument>>;
