import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The generator is plain JavaScript outside this project's typecheck (like generate.mjs): loaded by URL.
const { renderValidators } = (await import(new URL("../generate/response-validators.mjs", import.meta.url).href)) as {
  renderValidators(doc: unknown, banner: string): string;
};

type Check = (body: unknown) => { pointer: string; expected: string } | undefined;
type Table = Record<string, Record<string, Check>>;

/** The validators of a spec, emitted, transpiled and imported as the vendor packages would. */
async function validatorsOf(doc: unknown): Promise<Table> {
  const source = renderValidators(doc, "// test\n");
  expect(source).not.toMatch(/\beval\(|new Function/);
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`);
  return module.responseValidators as Table;
}

const specOf = async (vendor: string) => parse(await readFile(join(import.meta.dirname, "../../specs", `${vendor}.yaml`), "utf8"));

describe("generated response validators: Dynatrace's listApiTokens 200", async () => {
  const check = (await validatorsOf(await specOf("dynatrace"))).listApiTokens?.["200"] as Check;
  const page = (fields: object) => ({ totalCount: 1, pageSize: 200, ...fields });
  it.each([
    { given: page({ apiTokens: [] }), want: undefined },
    {
      given: page({ apiTokens: [{ id: "dt0c01.X", name: "ci", enabled: true, scopes: ["metrics.read", "someNewScope"] }] }),
      want: undefined,
    },
    { given: page({ apiTokens: "nope" }), want: { pointer: "/apiTokens", expected: "array" } },
    { given: page({ apiTokens: [{ name: "no id" }] }), want: { pointer: "/apiTokens/0/id", expected: "required property" } },
    { given: page({ apiTokens: [{ id: "a" }, { id: 42 }] }), want: { pointer: "/apiTokens/1/id", expected: "string" } },
    {
      given: page({ apiTokens: [{ id: "a", scopes: [1] }] }),
      want: { pointer: "/apiTokens/0/scopes/0", expected: expect.stringContaining("or string") },
    },
    { given: page({ apiTokens: [], nextPageKey: null }), want: undefined },
    { given: page({ apiTokens: [], nextPageKey: 7 }), want: { pointer: "/nextPageKey", expected: "string or null" } },
    { given: "<html>", want: { pointer: "", expected: "object" } },
    { given: null, want: { pointer: "", expected: "object" } },
  ])("$given", ({ given, want }) => {
    expect(check(given)).toEqual(want);
  });
});

describe("generated response validators: schema subset", async () => {
  const doc = {
    paths: {
      "/t/{id}": {
        get: {
          operationId: "get-thing",
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["kind"],
                    properties: {
                      kind: { enum: ["a", "b"] },
                      tags: { type: "object", additionalProperties: { type: "integer" } },
                      strict: { type: "object", properties: { x: { type: "string" } }, additionalProperties: false },
                      either: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "boolean" }] },
                      both: {
                        allOf: [
                          { type: "object", required: ["p"] },
                          { type: "object", required: ["q"] },
                        ],
                      },
                      legacy: { type: "string", nullable: true },
                    },
                  },
                },
              },
            },
            "404": { content: { "application/json": { schema: { type: "string" } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Node: {
          type: "object",
          required: ["next/id"],
          properties: { "next/id": { oneOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] } },
        },
      },
    },
  };
  const table = await validatorsOf(doc);
  const check = table["get-thing"]?.["200"] as Check;

  it("checks success responses only", () => {
    expect(Object.keys(table["get-thing"] ?? {})).toEqual(["200"]);
  });

  it.each([
    { given: { kind: "a" }, want: undefined },
    { given: {}, want: { pointer: "/kind", expected: "required property" } },
    { given: { kind: "c" }, want: { pointer: "/kind", expected: 'one of "a", "b"' } },
    { given: { kind: "a", tags: { x: 1, y: "2" } }, want: { pointer: "/tags/y", expected: "integer" } },
    { given: { kind: "a", strict: { x: "1", y: 2 } }, want: { pointer: "/strict/y", expected: "nothing" } },
    { given: { kind: "a", either: true }, want: undefined },
    { given: { kind: "a", either: { "next/id": { "next/id": null } } }, want: undefined },
    { given: { kind: "a", either: 3 }, want: { pointer: "/either", expected: "Node or boolean" } },
    { given: { kind: "a", both: { p: 1 } }, want: { pointer: "/both/q", expected: "required property" } },
    { given: { kind: "a", legacy: null }, want: undefined },
    { given: { kind: "a", legacy: 1 }, want: { pointer: "/legacy", expected: "string or null" } },
  ])("$given", ({ given, want }) => {
    expect(check(given)).toEqual(want);
  });
});
