import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DOCS_DIR, OUT_DIR, PAGES, TYPEDOC_ENTRY, vendors } from "../scripts/site.mjs";
import { summarizeSpec } from "../scripts/spec-summary.mjs";
import { CHROMIUM_PATH, hasChromium, launchChromium, watchPage } from "./chromium.js";
import { exportedNames } from "./entry-exports.js";
import { type StaticServer, serveDirectory } from "./static-server.js";

/** The test's output folder (gitignored; turbo keeps it as the task's output). */
const RESULTS_DIR = join(DOCS_DIR, "test-results");
const specs = vendors().map(summarizeSpec);

if (!hasChromium) {
  console.warn(
    `SKIPPED: the docs browser test needs Chromium at ${CHROMIUM_PATH}, which is not installed here ` +
      "(`apt-get install chromium`; .ci/run installs it). Only the file checks ran.",
  );
}

describe("the built site (run `npm run docs` first; turbo does it for this test)", () => {
  test("has the index, one page per spec and the TypeScript API", () => {
    expect(specs.map((spec) => spec.vendor)).toEqual(expect.arrayContaining(["dynatrace", "qernal", "sematext", "timeweb"]));
    for (const page of [PAGES.index, ...specs.map((spec) => PAGES.vendor(spec.vendor)), `${PAGES.api}/index.html`]) {
      expect(existsSync(join(OUT_DIR, page)), `docs/dist/${page}`).toBe(true);
    }
  });

  test("every spec has operations, each with a unique summary to find it by", () => {
    for (const spec of specs) {
      expect(spec.operations.length, spec.vendor).toBeGreaterThan(0);
      expect(new Set(spec.operations.map((operation) => operation.summary)).size, spec.vendor).toBe(spec.operations.length);
    }
    // 21 when this test was written: 6 Dynatrace, 5 each for Qernal, Sematext and Timeweb Cloud.
    expect(specs.reduce((sum, spec) => sum + spec.operations.length, 0)).toBeGreaterThanOrEqual(21);
  });
});

describe.skipIf(!hasChromium)("the built site in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDirectory(OUT_DIR), launchChromium()]);
  });

  /** A fresh page that reports what goes wrong on it; waits fail after 15 s, well inside the test timeout. */
  async function openPage(path: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    const watch = await watchPage(page, server.origin);
    await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
    return { page, watch };
  }

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  test("the index links every vendor page and the TypeScript API, and loads cleanly", async () => {
    const { page, watch } = await openPage(PAGES.index);

    const links = await page.locator("main a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    expect(links).toEqual([...specs.map((spec) => PAGES.vendor(spec.vendor)), `${PAGES.api}/index.html`]);
    for (const href of links) {
      const response = await fetch(new URL(href ?? "", `${server.origin}/`));
      expect(response.status, href ?? "").toBe(200);
      await response.body?.cancel();
    }
    for (const spec of specs) {
      await page.locator(`[data-vendor="${spec.vendor}"]`).getByText(`${spec.operations.length} operations`).waitFor();
      // How to connect, from the spec's x-apitokens settings: the token's environment variable at least.
      const token = spec.settings.find((setting) => setting.key === "token");
      expect(token, spec.vendor).toBeDefined();
      await page
        .locator(`[data-vendor="${spec.vendor}"] code`, { hasText: token?.env ?? "" })
        .first()
        .waitFor();
    }

    await mkdir(RESULTS_DIR, { recursive: true });
    const screenshot = join(RESULTS_DIR, "docs-index.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot of the index: ${relative(process.cwd(), screenshot)}`);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  test.each(specs)("$vendorName: the page lists and renders every operation ($operations.length)", async (spec) => {
    const { page, watch } = await openPage(PAGES.vendor(spec.vendor));
    await page.locator("h1").filter({ hasText: spec.title }).waitFor();

    // Redoc lists a tag's operations in the sidebar once the tag is opened: open every tag.
    // Redoc may fold one tag when another opens (it follows the section scrolled to), so the
    // entries are collected after each click.
    const tagLinks = page.locator(".menu-item-type-group > a");
    expect(await tagLinks.count()).toBeGreaterThan(0);
    const menu = page.locator(".menu-item-type-operation a");
    const seen = new Map<string, { href: string; text: string }>();
    for (const tag of await tagLinks.all()) {
      await tag.click();
      await menu.first().waitFor();
      const shown = await menu.evaluateAll((anchors) =>
        anchors.map((a) => ({ href: a.getAttribute("href") ?? "", text: a.textContent ?? "" })),
      );
      for (const entry of shown) seen.set(entry.href, entry);
    }
    const entries = [...seen.values()];

    expect(entries).toHaveLength(spec.operations.length);
    for (const operation of spec.operations) {
      const entry = entries.find((e) => e.text.includes(operation.summary));
      expect(entry, `${operation.operationId} ("${operation.summary}") in the sidebar`).toBeDefined();
      expect(entry?.href.toLowerCase()).toMatch(new RegExp(`/${operation.operationId.toLowerCase()}$`));
      // Open it (by its link, as a reader following it would): its heading and path template must render.
      await page.evaluate(
        (hash) => {
          window.location.hash = hash;
        },
        new URL(entry?.href ?? "", "http://x.invalid/").hash,
      );
      await page.locator("h2").filter({ hasText: operation.summary }).first().waitFor();
      await page.getByText(operation.path, { exact: true }).first().waitFor({ state: "attached" });
    }
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  test("the TypeScript API lists every export of the documented entry point", async () => {
    const names = exportedNames(TYPEDOC_ENTRY);
    const [first] = names;
    if (first === undefined) throw new Error(`${TYPEDOC_ENTRY} exports nothing`);
    const { page, watch } = await openPage(`${PAGES.api}/index.html`);
    const listed = new Set(await page.locator("a").evaluateAll((anchors) => anchors.map((a) => a.textContent?.trim() ?? "")));
    expect(names.filter((name) => !listed.has(name))).toEqual([]);
    // Follow one link: the export's own page renders.
    await page.locator("a", { hasText: first }).first().click();
    await page.locator("h1").filter({ hasText: first }).waitFor();
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
