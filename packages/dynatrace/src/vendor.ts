import { defineVendor, type VendorDefinition } from "@apitokens/core";
import { createDynatraceClient, type DynatraceClient, type DynatraceClientOptions } from "./generated/client.js";
import type { ApiToken } from "./generated/models.js";
import { spec } from "./generated/spec.js";
import { vendorData } from "./generated/vendor.js";
import { DYNATRACE_CAPABILITIES, dynatraceAdapter } from "./lifecycle.js";

/**
 * Dynatrace as data for the layers above: settings and environment variables, secret shapes,
 * capabilities, the client factory and the lifecycle.
 *
 * @example const { client, tokens } = vendor.connect({ token: process.env.DT_API_TOKEN });
 */
export const vendor: VendorDefinition<DynatraceClientOptions, DynatraceClient, ApiToken> = defineVendor({
  data: vendorData,
  spec,
  capabilities: DYNATRACE_CAPABILITIES,
  createClient: createDynatraceClient,
  adapter: (client) => dynatraceAdapter(client),
});
