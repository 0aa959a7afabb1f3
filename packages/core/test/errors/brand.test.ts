import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * Two copies of the built package in one process, as when an app installs two versions or
 * bundles one: two copies of `dist/` are two sets of module instances, so `instanceof` across
 * them fails. Run in a plain Node process. The copies sit inside the package so that its
 * dependencies resolve as they do for the real one.
 */
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const program = (a: string, b: string) => `
const a = await import(${JSON.stringify(a)});
const b = await import(${JSON.stringify(b)});
// toSecret is internal (not in the index): the copy's own module.
const aSecret = await import(${JSON.stringify(a.replace(/index\.js$/, "secret.js"))});
// What a minifier does to a class in an app bundle: the class keeps its brand, not its name.
class e extends b.ApiError {}
class t extends b.Secret {}
const forged = Object.assign(new Error("x"), { name: "NotFoundError", status: 404 });
const results = {
  distinct: a.ApiError !== b.ApiError && !(new b.NotFoundError("x", { status: 404 }) instanceof a.NotFoundError),
  notFound: [a.isApiTokensError(new b.NotFoundError("gone", { status: 404 })), a.isApiError(new b.NotFoundError("gone", { status: 404 }), 404)],
  server: [a.isApiError(new b.ServerError("down", { status: 503 })), a.isApiError(new b.ServerError("down", { status: 503 }), 404)],
  connection: [a.isApiTokensError(new b.ConnectionError("reset")), a.isApiError(new b.ConnectionError("reset"))],
  shape: a.isApiTokensError(new b.ResponseShapeError("x", { status: 200, pointer: "/a", expected: "array" })),
  forged: [a.isApiTokensError(forged), a.isApiError(forged)],
  errorOf: [
    a.isErrorOf(new b.RateLimitError("slow", { status: 429 }), a.RateLimitError),
    a.isErrorOf(new b.RateLimitError("slow", { status: 429 }), a.ApiError),
    a.isErrorOf(new b.RateLimitError("slow", { status: 429 }), a.NotFoundError),
  ],
  secret: [a.isSecret(new b.Secret("s3cr3t-value-123456")), aSecret.toSecret(new b.Secret("s3cr3t-value-123456")).reveal() === "s3cr3t-value-123456"],
  fakeSecret: a.isSecret({ reveal: () => "x", constructor: { name: "Secret" } }),
  minified: [e.name, a.isApiError(new e("x", { status: 404 }), 404), a.isApiTokensError(new e("x", { status: 404 })), t.name, a.isSecret(new t("s3cr3t-value-123456"))],
  hidden: JSON.stringify(new b.NotFoundError("gone", { status: 404 })).includes("apitokens") || Object.keys(new b.NotFoundError("gone", { status: 404 })).length > 10,
};
console.log(JSON.stringify(results));
`;

describe("guards across two copies of the package and minified class names", () => {
  it("recognise errors and secrets by their Symbol.for brand", async () => {
    // Under the package's node_modules (ignored by git, Biome and turbo's inputs, which may be read
    // while this runs), so the copies resolve `openapi-fetch` as the package does.
    const cache = join(packageDir, "node_modules", ".cache");
    await mkdir(cache, { recursive: true });
    const copies = await mkdtemp(join(cache, "brand-copies-"));
    let stdout: string;
    try {
      for (const name of ["a", "b"]) await cp(join(packageDir, "dist"), join(copies, name), { recursive: true });
      const url = (name: string) => pathToFileURL(join(copies, name, "index.js")).href;
      ({ stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", program(url("a"), url("b"))], {
        cwd: packageDir,
      }));
    } finally {
      await rm(copies, { recursive: true, force: true });
    }
    expect(JSON.parse(stdout)).toEqual({
      distinct: true,
      notFound: [true, true],
      server: [true, false],
      connection: [true, false],
      shape: true,
      forged: [false, false],
      errorOf: [true, true, false],
      secret: [true, true],
      fakeSecret: false,
      minified: ["e", true, true, "t", true],
      hidden: false,
    });
  }, 60_000);
});
