// No credential crosses origins on a redirect, on Node, Bun and Deno: origin A (the vendor, on
// 127.0.0.1) redirects every API call to origin B (another port); B must receive no credential
// in any header, URL or body, while A received each one (or the test would prove nothing).
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { table } from "./support/matrix-table.mjs";
import { startOrigins } from "./support/origins.mjs";
import { reportLine, run, tail } from "./support/process.mjs";
import { moduleRuntimes } from "./support/runtimes.mjs";

const PROBE = join(dirname(fileURLToPath(import.meta.url)), "..", "redirect", "main.mjs");
const rows = [];
after(() => console.log(table("Cross-origin redirects: no credential reaches the other origin", rows)));

describe("a redirect to another origin carries no credential", { concurrency: 2, timeout: 120_000 }, async () => {
  for (const runtime of await moduleRuntimes()) {
    it(runtime.name, async (t) => {
      if ("skip" in runtime) {
        rows.push({ runtime: runtime.name, version: "–", result: "skip", ms: 0, note: runtime.skip });
        return t.skip(runtime.skip);
      }
      const origins = await startOrigins();
      const started = performance.now();
      try {
        const [file, args] = runtime.command(PROBE, { net: true });
        const result = await run(file, [...args, JSON.stringify(origins.config)]);
        const outcomes = reportLine(result.stdout, "REDIRECT");
        assert.ok(outcomes, `no REDIRECT report; the runtime printed:\n${tail(result.stdout + result.stderr)}`);
        t.diagnostic(`outcomes: ${JSON.stringify(outcomes)}`);
        const secrets = origins.secrets();
        assert.ok(
          Object.keys(secrets).some((name) => name.startsWith("qernal access token")),
          "Qernal's token exchange happened at A",
        );

        // Each credential reached A, the origin it belongs to.
        const atA = origins.a.received.map((r) => `${r.headers}\n${r.body}`).join("\n");
        const missing = ["timeweb token", "dynatrace token", "sematext API key", "qernal access token 1"].filter(
          (name) => !atA.includes(secrets[name]),
        );
        assert.deepEqual(missing, [], "credentials A never received");
        // The runtime followed at least the plain fetch to B, so B's silence below means something.
        assert.ok(origins.b.received.length > 0, "nothing reached B: the redirects were not followed");
        // B received none of them.
        const leaks = origins.b.received.flatMap((r) =>
          Object.entries(secrets)
            .filter(([, value]) => `${r.method} ${r.url}\n${r.headers}\n${r.body}`.includes(value))
            .map(([name]) => `${name} in ${r.method} ${r.url}`),
        );
        assert.deepEqual(leaks, [], "credentials that crossed to the other origin");
        const reachedB = origins.b.received.map((r) => `${r.method} ${new URL(r.url, "http://b").pathname}`);
        rows.push({
          runtime: runtime.name,
          version: runtime.version,
          result: "pass",
          ms: Math.round(performance.now() - started),
          note: `${reachedB.length} requests followed to B, none with a credential`,
        });
      } catch (error) {
        rows.push({
          runtime: runtime.name,
          version: runtime.version,
          result: "fail",
          ms: Math.round(performance.now() - started),
          note: error.message.split("\n")[0],
        });
        throw error;
      } finally {
        await origins.close();
      }
    });
  }
});
