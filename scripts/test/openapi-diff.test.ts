import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { BREAKING_KINDS, type BreakingChange, diffSpecs } from "../lib/openapi-diff.mjs";

const FIXTURE = readFileSync(join(import.meta.dirname, "fixtures", "tokens.yaml"), "utf8");
const SPECS_DIR = join(import.meta.dirname, "..", "..", "specs");

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped YAML
type Doc = any;

/** A fresh copy of the fixture, changed by `edit`. */
function edited(edit: (doc: Doc) => void): Doc {
  const doc = parse(FIXTURE);
  edit(doc);
  return doc;
}

/** The changes as `[kind, operation, where]`, the parts a test pins down. */
function summary(changes: BreakingChange[]): [string, string, string][] {
  return changes.map((change) => [change.kind, change.operation, change.where]);
}

const LIST = "GET /tokens (listTokens)";
const CREATE = "POST /tokens (createToken)";
const GET = "GET /tokens/{id} (getToken)";
const DELETE = "DELETE /tokens/{id} (deleteToken)";

describe("diffSpecs reports every kind of break", () => {
  const cases: { name: string; given: { before?: (doc: Doc) => void; after: (doc: Doc) => void }; want: [string, string, string][] }[] = [
    {
      name: "a removed operation",
      given: { after: (doc) => delete doc.paths["/tokens/{id}"].delete },
      want: [["removed-operation", DELETE, "operation"]],
    },
    {
      name: "a changed operationId (the generated `operations[…]` key)",
      given: { after: (doc) => (doc.paths["/tokens/{id}"].get.operationId = "readToken") },
      want: [["changed-operation-id", GET, "operationId"]],
    },
    {
      name: "a removed parameter",
      given: { after: (doc) => doc.paths["/tokens"].get.parameters.pop() },
      want: [["removed-parameter", LIST, "query parameter status"]],
    },
    {
      name: "an optional parameter made required",
      given: { after: (doc) => (doc.paths["/tokens"].get.parameters[0].required = true) },
      want: [["newly-required-parameter", LIST, "query parameter page"]],
    },
    {
      name: "a new required parameter",
      given: {
        after: (doc) => doc.paths["/tokens"].get.parameters.push({ name: "org", in: "query", required: true, schema: { type: "string" } }),
      },
      want: [["newly-required-parameter", LIST, "query parameter org"]],
    },
    {
      name: "a renamed path parameter (path-level parameters count)",
      given: {
        after: (doc) => {
          doc.paths["/tokens/{token_id}"] = doc.paths["/tokens/{id}"];
          delete doc.paths["/tokens/{id}"];
          doc.paths["/tokens/{token_id}"].parameters[0].name = "token_id";
        },
      },
      want: [
        ["removed-parameter", GET, "path parameter id"],
        ["newly-required-parameter", GET, "path parameter token_id"],
        ["removed-parameter", DELETE, "path parameter id"],
        ["newly-required-parameter", DELETE, "path parameter token_id"],
      ],
    },
    {
      name: "a retyped parameter",
      given: { after: (doc) => (doc.paths["/tokens"].get.parameters[0].schema = { type: "string" }) },
      want: [["retyped-field", LIST, "query parameter page"]],
    },
    {
      name: "a removed request body",
      given: { after: (doc) => delete doc.paths["/tokens"].post.requestBody },
      want: [["removed-request-body", CREATE, "request body"]],
    },
    {
      name: "an optional request body made required",
      given: {
        before: (doc) => (doc.paths["/tokens"].post.requestBody.required = false),
        after: () => undefined,
      },
      want: [["newly-required-request-body", CREATE, "request body"]],
    },
    {
      name: "a removed media type",
      given: {
        after: (doc) => {
          const content = doc.paths["/tokens"].post.responses["201"].content;
          content["application/vnd.tokens+json"] = content["application/json"];
          delete content["application/json"];
        },
      },
      want: [["removed-media-type", CREATE, "response 201 application/json"]],
    },
    {
      name: "a removed success response",
      given: { after: (doc) => delete doc.paths["/tokens/{id}"].get.responses["200"] },
      want: [["removed-response", GET, "response 200"]],
    },
    {
      name: "a removed response header",
      given: { after: (doc) => delete doc.paths["/tokens"].get.responses["200"].headers.Link },
      want: [["removed-response-header", LIST, "response 200 header Link"]],
    },
    {
      name: "a removed response field, wherever the schema is used",
      given: { after: (doc) => delete doc.components.schemas.Token.properties.expires_at },
      want: [
        ["removed-field", LIST, "response 200 application/json: tokens[].expires_at"],
        ["removed-field", CREATE, "response 201 application/json: expires_at"],
        ["removed-field", GET, "response 200 application/json: expires_at"],
      ],
    },
    {
      name: "a removed request field",
      given: { after: (doc) => delete doc.components.schemas.NewToken.properties.expires_in },
      want: [["removed-field", CREATE, "request body application/json: expires_in"]],
    },
    {
      name: "a retyped field (request and response)",
      given: {
        after: (doc) => {
          doc.components.schemas.NewToken.properties.expires_in = { type: "string" };
          doc.components.schemas.Token.properties.id = { type: "integer" };
        },
      },
      want: [
        ["retyped-field", LIST, "response 200 application/json: tokens[].id"],
        ["retyped-field", CREATE, "request body application/json: expires_in"],
        ["retyped-field", CREATE, "response 201 application/json: id"],
        ["retyped-field", GET, "response 200 application/json: id"],
      ],
    },
    {
      name: "a response field that may now be null",
      given: { after: (doc) => (doc.components.schemas.Token.properties.name.type = ["string", "null"]) },
      want: [
        ["retyped-field", LIST, "response 200 application/json: tokens[].name"],
        ["retyped-field", CREATE, "response 201 application/json: name"],
        ["retyped-field", GET, "response 200 application/json: name"],
      ],
    },
    {
      name: "a request field that may no longer be null",
      given: {
        before: (doc) => (doc.components.schemas.NewToken.properties.expires_in.type = ["integer", "null"]),
        after: () => undefined,
      },
      want: [["retyped-field", CREATE, "request body application/json: expires_in"]],
    },
    {
      name: "an optional request property made required, and a new required one",
      given: {
        after: (doc) => {
          const schema = doc.components.schemas.NewToken;
          schema.required.push("expires_in", "owner");
          schema.properties.owner = { type: "string" };
        },
      },
      want: [
        ["newly-required-field", CREATE, "request body application/json: expires_in"],
        ["newly-required-field", CREATE, "request body application/json: owner"],
      ],
    },
    {
      name: "a response property that is no longer always there",
      given: { after: (doc) => (doc.components.schemas.Token.required = ["id", "status"]) },
      want: [
        ["no-longer-required-field", LIST, "response 200 application/json: tokens[].name"],
        ["no-longer-required-field", CREATE, "response 201 application/json: name"],
        ["no-longer-required-field", GET, "response 200 application/json: name"],
      ],
    },
    {
      name: "a removed enum value (request and response)",
      given: {
        after: (doc) => {
          doc.components.schemas.Status.enum = ["active"];
          doc.components.schemas.NewToken.properties.scopes.items.enum = ["read"];
        },
      },
      want: [
        ["removed-enum-value", LIST, "query parameter status"],
        ["removed-enum-value", LIST, "response 200 application/json: tokens[].status"],
        ["removed-enum-value", CREATE, "request body application/json: scopes[]"],
        ["removed-enum-value", CREATE, "response 201 application/json: status"],
        ["removed-enum-value", GET, "response 200 application/json: status"],
      ],
    },
    {
      name: "a request field limited to an enum",
      given: { after: (doc) => (doc.components.schemas.NewToken.properties.name.enum = ["ci", "laptop"]) },
      want: [["retyped-field", CREATE, "request body application/json: name"]],
    },
    {
      name: "a response that may return a new variant",
      given: { after: (doc) => (doc.components.schemas.Token.properties.id = { oneOf: [{ type: "string" }, { type: "integer" }] }) },
      want: [
        ["retyped-field", LIST, "response 200 application/json: tokens[].id"],
        ["retyped-field", CREATE, "response 201 application/json: id"],
        ["retyped-field", GET, "response 200 application/json: id"],
      ],
    },
    {
      name: "a union in an error body that loses a shape callers read",
      given: {
        after: (doc) => (doc.components.responses.Problem.content["application/json"].schema.properties.message = { type: "integer" }),
      },
      want: [
        ["retyped-field", LIST, "response 400 application/json: message"],
        ["retyped-field", CREATE, "response 400 application/json: message"],
        ["retyped-field", GET, "response 404 application/json: message"],
      ],
    },
    {
      name: "a request that no longer accepts a variant",
      given: {
        before: (doc) => (doc.components.schemas.NewToken.properties.name = { oneOf: [{ type: "string" }, { type: "integer" }] }),
        after: (doc) => (doc.components.schemas.NewToken.properties.name = { type: "string" }),
      },
      want: [["retyped-field", CREATE, "request body application/json: name"]],
    },
  ];

  test.each(cases)("$name", ({ given, want }) => {
    // `before` edits the base spec, `after` edits a fresh copy of the fixture.
    const before = edited(given.before ?? (() => undefined));
    const after = edited(given.after);
    expect(summary(diffSpecs(before, after))).toEqual(want);
  });

  test("the cases cover every kind the report knows", () => {
    const covered = new Set(cases.flatMap((c) => c.want.map(([kind]) => kind)));
    expect([...BREAKING_KINDS].filter((kind) => !covered.has(kind))).toEqual([]);
  });
});

describe("diffSpecs stays quiet about compatible changes", () => {
  const cases: { name: string; given: (doc: Doc) => void }[] = [
    { name: "nothing changed", given: () => undefined },
    {
      name: "an optional field added to a request and a response",
      given: (doc) => {
        doc.components.schemas.NewToken.properties.description = { type: "string" };
        doc.components.schemas.Token.properties.description = { type: "string" };
      },
    },
    {
      name: "an optional parameter added",
      given: (doc) => doc.paths["/tokens"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
    },
    {
      name: "a new operation",
      given: (doc) => (doc.paths["/tokens/{id}"].patch = { operationId: "renameToken", responses: { "204": { description: "ok" } } }),
    },
    { name: "a new value in a request enum", given: (doc) => doc.components.schemas.NewToken.properties.scopes.items.enum.push("admin") },
    { name: "a required request property made optional", given: (doc) => (doc.components.schemas.NewToken.required = []) },
    {
      name: "a request field that now also takes null",
      given: (doc) => (doc.components.schemas.NewToken.properties.expires_in.type = ["integer", "null"]),
    },
    { name: "a new error response", given: (doc) => (doc.paths["/tokens/{id}"].delete.responses["404"] = { description: "Unknown id." }) },
    {
      name: "a schema refactored into allOf with the same fields",
      given: (doc) => {
        const { id, ...rest } = doc.components.schemas.Token.properties;
        doc.components.schemas.Identified = { type: "object", required: ["id"], properties: { id } };
        doc.components.schemas.Token = {
          allOf: [{ $ref: "#/components/schemas/Identified" }, { type: "object", required: ["name", "status"], properties: rest }],
        };
      },
    },
    {
      name: "integer widened to number (both are `number` in TypeScript)",
      given: (doc) => (doc.components.schemas.NewToken.properties.expires_in.type = "number"),
    },
  ];

  test.each(cases)("$name", ({ given }) => {
    expect(diffSpecs(parse(FIXTURE), edited(given))).toEqual([]);
  });

  test.each(readdirSync(SPECS_DIR).filter((file) => file.endsWith(".yaml")))("specs/%s compared with itself", (file) => {
    const text = readFileSync(join(SPECS_DIR, file), "utf8");
    expect(diffSpecs(parse(text), parse(text))).toEqual([]);
  });

  test("a recursive schema terminates, and a break deep inside it is found", () => {
    const tree = (doc: Doc) => {
      doc.components.schemas.Node = {
        type: "object",
        properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
      };
      doc.components.schemas.Token.properties.tree = { $ref: "#/components/schemas/Node" };
    };
    const before = edited(tree);
    expect(diffSpecs(before, edited(tree))).toEqual([]);
    const after = edited((doc) => {
      tree(doc);
      delete doc.components.schemas.Node.properties.label;
    });
    expect(summary(diffSpecs(before, after)).filter(([, operation]) => operation === GET)).toEqual([
      ["removed-field", GET, "response 200 application/json: tree.label"],
    ]);
  });
});
