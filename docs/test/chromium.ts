import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); playwright-core ships no browser of its own. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Launch flags: headless, and no background traffic to Google services or update servers. */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Whether the browser test can run here. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/**
 * Starts headless Chromium.
 *
 * @example const browser = await launchChromium(); … await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
}

/** What went wrong while a page was open. */
export interface PageProblems {
  /** Console messages of type `error`, uncaught exceptions, failed or refused requests, HTTP errors. */
  readonly problems: string[];
}

/**
 * Watches a page for console errors, uncaught exceptions, failed requests and HTTP error
 * statuses, and refuses every request that does not go to `origin` (the test never reaches
 * the internet; a page that tries to shows up as a problem).
 *
 * @example
 * const watch = await watchPage(page, server.origin);
 * await page.goto(url);
 * expect(watch.problems).toEqual([]);
 */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: string[] = [];
  const local = (url: string) => url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:");
  await page.route(
    (url) => !local(url.href),
    (route) => {
      problems.push(`request to outside the site refused: ${route.request().url()}`);
      return route.abort("blockedbyclient");
    },
  );
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url || "inline"})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (local(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "unknown"})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return { problems };
}
