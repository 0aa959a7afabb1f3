import { defineVendor, type VendorDefinition } from "@apitokens/core";
import { createSematextClient, type SematextClient, type SematextClientOptions } from "./generated/client.js";
import { spec } from "./generated/spec.js";
import { vendorData } from "./generated/vendor.js";
import { SEMATEXT_CAPABILITIES, type SematextToken, sematextAdapter } from "./lifecycle.js";

/** Options of the Sematext vendor: the client's, plus the app (or apps) whose tokens to manage. */
export interface SematextVendorOptions extends SematextClientOptions {
  /** The app id, or several; new tokens go to the first. */
  readonly appId: number | readonly number[];
}

/**
 * Sematext as data for the layers above: settings and environment variables, secret shapes,
 * capabilities, the client factory and the lifecycle (app tokens belong to apps: `appId`).
 *
 * @example const { tokens } = vendor.connect({ region: "eu", token: process.env.SEMATEXT_API_KEY, appId: 42 });
 */
export const vendor: VendorDefinition<SematextVendorOptions, SematextClient, SematextToken> = defineVendor({
  data: vendorData,
  spec,
  capabilities: SEMATEXT_CAPABILITIES,
  createClient: ({ appId: _appId, ...options }: SematextVendorOptions) => createSematextClient(options),
  adapter: (client, { appId }) => sematextAdapter(client, { appIds: typeof appId === "number" ? [appId] : appId }),
});
