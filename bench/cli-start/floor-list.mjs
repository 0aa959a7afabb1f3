// The floor of `apitokens list --json` with Dynatrace configured: Node, plus the same requests
// made with plain `fetch` (first page with pageSize and fields, then the cursor alone), plus the
// tokens written as one JSON document. What the CLI does on top of this is its own start-up.
//
//   DT_API_TOKEN=… DT_ENV_URL=… node bench/cli-start/floor-list.mjs
const base = `${process.env.DT_ENV_URL}/api/v2/apiTokens`;
const headers = { Authorization: `Api-Token ${process.env.DT_API_TOKEN}` };
const tokens = [];
// The query of the Dynatrace adapter's list (packages/dynatrace/src/lifecycle.ts).
let url = `${base}?pageSize=1000&fields=${encodeURIComponent("+expirationDate,+lastUsedDate,+lastUsedIpAddress,+scopes,+personalAccessToken,+modifiedDate")}`;
while (url) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const page = JSON.parse(await response.text());
  tokens.push(...page.apiTokens);
  url = page.nextPageKey ? `${base}?nextPageKey=${encodeURIComponent(page.nextPageKey)}` : undefined;
}
process.stdout.write(
  `${JSON.stringify({ command: "list", vendors: [{ vendor: "dynatrace", tokens: tokens.length }], tokens }, null, 2)}\n`,
);
