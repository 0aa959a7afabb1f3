// Headless Chromium: Debian's package (`apt-get install chromium`), driven by playwright-core,
// which ships no browser of its own.
import { existsSync } from "node:fs";
import { createServer } from "node:http";

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Headless, and no background traffic to Google's services or update servers. */
export const CHROMIUM_FLAGS = Object.freeze([
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
]);

/** A Content-Security-Policy with no `unsafe-eval`: scripts from the page's origin only. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'";

/**
 * Chromium launched, or why it cannot be.
 *
 * @returns {Promise<{ browser: import("playwright-core").Browser, version: string } | { skip: string }>}
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) return { skip: `no ${CHROMIUM_PATH} (Debian's chromium package; .ci/run installs it)` };
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (error) {
    return { skip: `playwright-core is not installed (npm ci installs it): ${error.message.split("\n")[0]}` };
  }
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
    return { browser, version: browser.version() };
  } catch (error) {
    return { skip: `Chromium does not start: ${error.message.split("\n")[0]}` };
  }
}

/**
 * Serves a page that loads `/smoke.js` as a module on 127.0.0.1: at `/` without a CSP, at
 * `/strict-csp` with {@link STRICT_CSP}.
 *
 * @param {string} script the bundled browser entry
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function servePages(script) {
  const page = '<!doctype html><meta charset="utf-8"><title>apitokens smoke</title><script type="module" src="/smoke.js"></script>';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (path === "/smoke.js") return response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    if (path === "/") return response.writeHead(200, { "content-type": "text/html" }).end(page);
    if (path === "/strict-csp")
      return response.writeHead(200, { "content-type": "text/html", "content-security-policy": STRICT_CSP }).end(page);
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Opens a page and waits for the smoke report the browser entry leaves on `globalThis`;
 * every request that leaves the page's origin is refused, and uncaught errors are reported.
 */
export async function smokeInPage(browser, url) {
  const origin = new URL(url).origin;
  const context = await browser.newContext();
  const problems = [];
  try {
    const page = await context.newPage();
    await page.route(
      (target) => target.origin !== origin,
      (route) => {
        problems.push(`request off the page's origin refused: ${route.request().url()}`);
        return route.abort("blockedbyclient");
      },
    );
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && problems.push(`console error: ${message.text()}`));
    await page.goto(url, { waitUntil: "load" });
    const report = await page.evaluate(() => globalThis.smokeReport);
    return { report, problems };
  } finally {
    await context.close();
  }
}
