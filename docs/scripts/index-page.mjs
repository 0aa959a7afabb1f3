/** The site's entry page: one card per vendor reference, and the TypeScript API. */
import { LOCAL_ASSETS } from "./self-contained.mjs";
import { PAGES } from "./site.mjs";

/** HTML-escapes text for element content and attribute values. */
const ESCAPES = /** @type {Record<string, string>} */ ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" });

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Inline, so the page needs no other request than its favicon. */
const STYLE = `
  :root { color-scheme: light dark; --fg: #1d2433; --muted: #5b6475; --line: #d8dde6; --card: #f7f8fa; --link: #0b5cad; }
  @media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #a3abba; --line: #3a4150; --card: #1f242d; --link: #7cb7ff; } }
  body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); max-width: 64rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
  h1 { font-size: 2rem; margin: 0 0 .25rem; } h2 { margin-top: 2.5rem; font-size: 1.25rem; }
  p.lead { color: var(--muted); margin-top: 0; }
  ul.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
  ul.cards li { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; background: var(--card); }
  ul.cards a { color: var(--link); font-weight: 600; font-size: 1.1rem; text-decoration: none; }
  ul.cards a:hover { text-decoration: underline; }
  .meta { color: var(--muted); font-size: .875rem; margin: .25rem 0 .5rem; }
  code { font-size: .9em; }
`;

/**
 * @param {import("./spec-summary.mjs").SpecSummary} spec
 */
function vendorCard(spec) {
  const count = spec.operations.length;
  return `      <li data-vendor="${escapeHtml(spec.vendor)}">
        <a href="${escapeHtml(PAGES.vendor(spec.vendor))}">${escapeHtml(spec.vendorName)}</a>
        <div class="meta">${escapeHtml(spec.title)} · version ${escapeHtml(spec.version)} · ${count} operation${count === 1 ? "" : "s"}</div>
        <div>${escapeHtml(spec.description)}</div>
        <div class="meta">Connect: ${spec.settings
          .map((s) => `<code title="${escapeHtml(s.description)}">${escapeHtml(s.key)}</code> (<code>${escapeHtml(s.env)}</code>)`)
          .join(", ")}</div>
      </li>`;
}

/**
 * The index page's HTML.
 *
 * @param {{ specs: readonly import("./spec-summary.mjs").SpecSummary[], typescriptPackage: string }} site
 * @returns {string}
 * @example indexPage({ specs: [summarizeSpec("qernal")], typescriptPackage: "@apitokens/core" })
 */
export function indexPage({ specs, typescriptPackage }) {
  const operations = specs.reduce((sum, spec) => sum + spec.operations.length, 0);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>apitokens — API reference</title>
  <link rel="icon" href="${LOCAL_ASSETS.favicon}" type="image/svg+xml">
  <style>${STYLE}</style>
</head>
<body>
  <main>
    <h1>apitokens API reference</h1>
    <p class="lead">Typed TypeScript clients for the API-token management APIs of ${specs.map((s) => escapeHtml(s.vendorName)).join(", ")}, built from hand-written OpenAPI specs.</p>
    <section aria-labelledby="http-apis">
      <h2 id="http-apis">HTTP APIs</h2>
      <p>One page per vendor spec (${operations} operations in all), rendered with Redoc.</p>
      <ul class="cards">
${specs.map(vendorCard).join("\n")}
      </ul>
    </section>
    <section aria-labelledby="typescript-api">
      <h2 id="typescript-api">TypeScript API</h2>
      <ul class="cards">
        <li data-package="${escapeHtml(typescriptPackage)}">
          <a href="${PAGES.api}/index.html">${escapeHtml(typescriptPackage)}</a>
          <div class="meta">Generated with TypeDoc from the package's public <code>index.ts</code></div>
          <div>Every export of the package, with its documentation and examples.</div>
        </li>
      </ul>
    </section>
  </main>
</body>
</html>
`;
}
