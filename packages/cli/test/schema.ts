/**
 * The JSON contract of `apitokens --json`, as JSON Schemas (the subset below), one per command,
 * and a small checker for that subset. The README documents the same shapes.
 */
export type Schema =
  | { readonly type: "string"; readonly enum?: readonly string[]; readonly pattern?: string }
  | { readonly type: "number" | "integer" | "boolean" | "null" }
  | { readonly type: "array"; readonly items: Schema }
  | {
      readonly type: "object";
      readonly properties: Readonly<Record<string, Schema>>;
      readonly required?: readonly string[];
      /** Keys not in `properties` are refused unless this is true. */
      readonly additionalProperties?: boolean;
    }
  | { readonly anyOf: readonly Schema[] }
  | { readonly const: unknown }
  | Record<string, never>;

/** The JSON pointers where `value` breaks `schema` (empty when it conforms). */
export function violations(schema: Schema, value: unknown, at = ""): string[] {
  if ("const" in schema) return value === schema.const ? [] : [`${at}: expected ${JSON.stringify(schema.const)}`];
  if ("anyOf" in schema) {
    const each = schema.anyOf.map((s) => violations(s, value, at));
    return each.some((v) => v.length === 0) ? [] : [`${at}: matches no alternative (${each.map((v) => v[0]).join(" | ")})`];
  }
  if (!("type" in schema)) return [];
  switch (schema.type) {
    case "null":
      return value === null ? [] : [`${at}: expected null`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${at}: expected boolean`];
    case "number":
      return typeof value === "number" ? [] : [`${at}: expected number`];
    case "integer":
      return Number.isInteger(value) ? [] : [`${at}: expected integer`];
    case "string":
      if (typeof value !== "string") return [`${at}: expected string`];
      if (schema.enum && !schema.enum.includes(value)) return [`${at}: "${value}" is not one of ${schema.enum.join(", ")}`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return [`${at}: "${value}" does not match ${schema.pattern}`];
      return [];
    case "array":
      if (!Array.isArray(value)) return [`${at}: expected array`];
      return value.flatMap((item, i) => violations(schema.items, item, `${at}/${i}`));
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${at}: expected object`];
      const record = value as Record<string, unknown>;
      const out = (schema.required ?? []).filter((k) => !(k in record)).map((k) => `${at}/${k}: missing`);
      for (const [key, item] of Object.entries(record)) {
        const sub = schema.properties[key];
        if (sub) out.push(...violations(sub, item, `${at}/${key}`));
        else if (!schema.additionalProperties) out.push(`${at}/${key}: not in the contract`);
      }
      return out;
    }
  }
}

const string = { type: "string" } as const;
const iso = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$" } as const;
const nullableIso = { anyOf: [iso, { type: "null" }] } as const;
const integer = { type: "integer" } as const;
const vendorKey = { type: "string", pattern: "^[a-z][a-z0-9-]*$" } as const;
const account = { anyOf: [string, { type: "null" }] } as const;

export const ERROR: Schema = {
  type: "object",
  required: ["class", "message", "exitCode"],
  properties: {
    class: string,
    message: string,
    exitCode: integer,
    vendor: vendorKey,
    account: string,
    operation: string,
    status: integer,
    requestId: string,
    pointer: string,
    input: string,
  },
};

export const TOKEN: Schema = {
  type: "object",
  required: ["vendor", "account", "id"],
  properties: {
    vendor: vendorKey,
    account,
    id: string,
    name: string,
    enabled: { type: "boolean" },
    createdAt: iso,
    expiresAt: nullableIso,
    lastUsedAt: nullableIso,
    scopes: { type: "array", items: string },
    owner: string,
    raw: {},
  },
};

const FINDINGS = {
  type: "array",
  items: { type: "string", enum: ["expired", "expiring-soon", "never-used", "unused", "never-expires", "disabled"] },
} as const;
const AUDITED_TOKEN: Schema = {
  ...(TOKEN as { type: "object"; properties: Record<string, Schema>; required: string[] }),
  properties: { ...(TOKEN as { properties: Record<string, Schema> }).properties, findings: FINDINGS },
  required: ["vendor", "account", "id", "findings"],
};

export const VENDOR_STATUS: Schema = {
  anyOf: [
    {
      type: "object",
      required: ["vendor", "account", "status", "tokens"],
      properties: { vendor: vendorKey, account, status: { const: "ok" }, tokens: integer },
    },
    {
      type: "object",
      required: ["vendor", "account", "status", "tokens", "error"],
      properties: { vendor: vendorKey, account, status: { const: "error" }, tokens: integer, error: ERROR },
    },
  ],
};

const SUMMARY: Schema = {
  type: "object",
  required: ["expired", "expiring-soon", "never-used", "unused", "never-expires", "disabled"],
  properties: Object.fromEntries(
    ["expired", "expiring-soon", "never-used", "unused", "never-expires", "disabled"].map((k) => [k, integer]),
  ),
};

const DELIVERY: Schema = {
  anyOf: [
    { type: "object", required: ["delivered", "path"], properties: { delivered: { const: "file" }, path: string } },
    { type: "object", required: ["delivered"], properties: { delivered: { const: "stdout" }, value: string } },
    {
      type: "object",
      required: ["delivered", "path", "reason"],
      properties: { delivered: { const: "fallback-file" }, path: string, reason: string },
    },
    { type: "object", required: ["delivered", "reason"], properties: { delivered: { const: "stderr" }, reason: string } },
  ],
};

const LEAK: Schema = {
  type: "object",
  required: ["vendor", "format", "line", "column", "occurrences", "fingerprint", "status"],
  properties: {
    vendor: string,
    format: string,
    line: integer,
    column: integer,
    occurrences: integer,
    public: string,
    fingerprint: { type: "string", pattern: "^sha256:[0-9a-f]{12}$" },
    status: { type: "string", enum: ["active", "disabled", "expired", "deleted", "not-found", "unchecked", "error"] },
    action: { type: "string", enum: ["disabled", "deleted"] },
    token: TOKEN,
    reason: string,
    error: ERROR,
  },
};

/** One schema per command's success document, and the error document every command shares. */
type Documents =
  | "list"
  | "audit"
  | "summary"
  | "create"
  | "rotate"
  | "revoke"
  | "enable"
  | "disable"
  | "leaked"
  | "sandbox"
  | "version"
  | "error";
export const SCHEMAS: Readonly<Record<Documents, Schema>> = {
  list: {
    type: "object",
    required: ["command", "vendors", "tokens"],
    properties: { command: { const: "list" }, vendors: { type: "array", items: VENDOR_STATUS }, tokens: { type: "array", items: TOKEN } },
  },
  audit: {
    type: "object",
    required: ["command", "generatedAt", "policy", "summary", "vendors", "tokens"],
    properties: {
      command: { const: "audit" },
      generatedAt: iso,
      policy: {
        type: "object",
        required: ["expiringWithinMs", "unusedForMs"],
        properties: { expiringWithinMs: integer, unusedForMs: integer },
      },
      summary: SUMMARY,
      vendors: { type: "array", items: VENDOR_STATUS },
      tokens: { type: "array", items: AUDITED_TOKEN },
    },
  },
  summary: {
    type: "object",
    required: ["command", "generatedAt", "vendors", "summary", "needAttention", "attention"],
    properties: {
      command: { const: "summary" },
      generatedAt: iso,
      vendors: { type: "array", items: VENDOR_STATUS },
      summary: SUMMARY,
      needAttention: integer,
      attention: { type: "array", items: AUDITED_TOKEN },
    },
  },
  create: {
    type: "object",
    required: ["command", "token", "reconciled", "secret"],
    properties: { command: { const: "create" }, token: TOKEN, reconciled: { type: "boolean" }, secret: DELIVERY },
  },
  rotate: {
    type: "object",
    required: ["command", "token", "old", "secret"],
    properties: {
      command: { const: "rotate" },
      token: TOKEN,
      old: {
        type: "object",
        required: ["id", "outcome"],
        properties: { id: string, outcome: { type: "string", enum: ["reissued", "kept", "disabled", "deleted"] } },
      },
      secret: DELIVERY,
      error: ERROR,
    },
  },
  ...Object.fromEntries(
    (["revoke", "enable", "disable"] as const).map((command) => [
      command,
      {
        type: "object",
        required: ["command", "vendor", "account", "id", "result"],
        properties: {
          command: { const: command },
          vendor: vendorKey,
          account,
          id: string,
          result: { type: "string", enum: ["deleted", "enabled", "disabled"] },
        },
      },
    ]),
  ),
  leaked: {
    type: "object",
    required: ["command", "source", "secrets", "summary"],
    properties: {
      command: { const: "leaked" },
      source: string,
      secrets: { type: "array", items: LEAK },
      summary: {
        type: "object",
        properties: Object.fromEntries(
          ["active", "disabled", "expired", "deleted", "not-found", "unchecked", "error"].map((k) => [k, integer]),
        ),
      },
    },
  },
  sandbox: {
    type: "object",
    required: ["command", "origin", "seed", "vendors"],
    properties: {
      command: { const: "sandbox" },
      origin: string,
      seed: string,
      vendors: {
        type: "array",
        items: {
          type: "object",
          required: ["vendor", "baseUrl", "credential", "env"],
          additionalProperties: true,
          properties: {
            vendor: vendorKey,
            baseUrl: string,
            credential: string,
            env: { type: "object", properties: {}, additionalProperties: true },
          },
        },
      },
    },
  },
  version: { type: "object", required: ["command", "version"], properties: { command: { const: "version" }, version: string } },
  error: { type: "object", required: ["command", "error"], properties: { command: { anyOf: [string, { type: "null" }] }, error: ERROR } },
} as unknown as Record<Documents, Schema>;
