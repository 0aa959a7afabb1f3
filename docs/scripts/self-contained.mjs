/**
 * Makes a built Redoc page load nothing from the internet, so the site works offline and its
 * browser test (which blocks every non-local request) sees no failed loads.
 *
 * Redoc 3 renders its "API docs by" attribution as an `<img>` from Redocly's CDN with no
 * option to turn it off; the page keeps the attribution, with the logo served from
 * `assets/`. Pages also name a favicon, so browsers do not ask the server for `/favicon.ico`.
 */

/** The CDN images Redoc's bundle loads at run time. */
const REDOC_CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

/** The local stand-ins, relative to a page in `dist/`. */
export const LOCAL_ASSETS = Object.freeze({
  logo: "assets/redocly-logo.svg",
  favicon: "assets/favicon.svg",
});

/**
 * Rewrites a Redoc page to use local assets.
 *
 * @param {string} html The page `redocly build-docs --inlineBundle` wrote.
 * @returns {string}
 * @example selfContained('<head><img src="https://cdn.redoc.ly/redoc/logo-mini.svg">') // '<head>\n  <link rel="icon" …><img src="assets/redocly-logo.svg">'
 */
export function selfContained(html) {
  const head = html.indexOf("<head>");
  if (head === -1) throw new Error("not an HTML page: no <head>");
  const withIcon = `${html.slice(0, head + 6)}\n  <link rel="icon" href="${LOCAL_ASSETS.favicon}" type="image/svg+xml">${html.slice(head + 6)}`;
  return withIcon.replace(REDOC_CDN_LOGO, LOCAL_ASSETS.logo);
}
