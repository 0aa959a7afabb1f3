/**
 * The facts about one vendor spec that the index page shows and the browser test expects:
 * names, version and every operation with its operationId and summary.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "./site.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {object} OperationSummary
 * @property {string} method Upper-case HTTP method.
 * @property {string} path The path template, e.g. `/apiTokens/{id}`.
 * @property {string} operationId
 * @property {string} summary The spec's `summary` (Redoc's heading and sidebar label).
 */

/**
 * @typedef {object} SpecSummary
 * @property {string} vendor Spec file name, e.g. `"timeweb"`.
 * @property {string} vendorName `info.x-vendor-name`, falling back to the file name.
 * @property {string} title `info.title`.
 * @property {string} version `info.version`.
 * @property {string} description `info.summary`, or the first line of `info.description`.
 * @property {OperationSummary[]} operations In the spec's order.
 * @property {{ key: string, env: string, description: string }[]} settings How apitokens connects
 *   (`x-apitokens.settings`): the `connect()` option, its environment variable and help text.
 */

/**
 * Reads `specs/<vendor>.yaml` and lists what the reference page must show.
 *
 * @param {string} vendor
 * @returns {SpecSummary}
 * @example summarizeSpec("dynatrace").operations.length // 6
 */
export function summarizeSpec(vendor) {
  const doc = parse(readFileSync(specPath(vendor), "utf8"));
  const info = doc.info ?? {};
  /** @type {OperationSummary[]} */
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const operationId = String(operation.operationId ?? `${method} ${path}`);
      operations.push({ method: method.toUpperCase(), path, operationId, summary: String(operation.summary ?? operationId) });
    }
  }
  return {
    vendor,
    vendorName: String(info["x-vendor-name"] ?? vendor),
    title: String(info.title ?? vendor),
    version: String(info.version ?? ""),
    description: String(info.summary ?? String(info.description ?? "").split("\n")[0]),
    operations,
    settings: (doc["x-apitokens"]?.settings ?? []).map((/** @type {any} */ s) => ({
      key: String(s.key),
      env: String(s.env),
      description: String(s.description ?? ""),
    })),
  };
}
