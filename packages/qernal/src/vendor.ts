import { defineVendor, type VendorDefinition } from "@apitokens/core";
import { createQernalClient, type QernalClient, type QernalClientOptions } from "./generated/client.js";
import type { AuthTokenMeta } from "./generated/models.js";
import { spec } from "./generated/spec.js";
import { vendorData } from "./generated/vendor.js";
import { QERNAL_CAPABILITIES, qernalAdapter } from "./lifecycle.js";

/**
 * Qernal as data for the layers above: settings and environment variables, secret shapes,
 * capabilities, the client factory and the lifecycle.
 *
 * @example const { client, tokens } = vendor.connect({ token: process.env.QERNAL_TOKEN });
 */
export const vendor: VendorDefinition<QernalClientOptions, QernalClient, AuthTokenMeta> = defineVendor({
  data: vendorData,
  spec,
  capabilities: QERNAL_CAPABILITIES,
  createClient: createQernalClient,
  adapter: (client) => qernalAdapter(client),
});
