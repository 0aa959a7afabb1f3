import { defineVendor, type VendorDefinition } from "@apitokens/core";
import { createTimewebClient, type TimewebClient, type TimewebClientOptions } from "./generated/client.js";
import { spec } from "./generated/spec.js";
import { vendorData } from "./generated/vendor.js";
import type { TimewebToken } from "./lifecycle.js";
import { TIMEWEB_CAPABILITIES, timewebAdapter } from "./lifecycle.js";

/**
 * Timeweb as data for the layers above: settings and environment variables, secret shapes,
 * capabilities, the client factory and the lifecycle.
 *
 * @example const { client, tokens } = vendor.connect({ token: process.env.TWC_TOKEN });
 */
export const vendor: VendorDefinition<TimewebClientOptions, TimewebClient, TimewebToken> = defineVendor({
  data: vendorData,
  spec,
  capabilities: TIMEWEB_CAPABILITIES,
  createClient: createTimewebClient,
  adapter: (client) => timewebAdapter(client),
});
