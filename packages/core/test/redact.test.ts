import { describe, expect, it } from "vitest";
import { REDACTED, Redactor } from "../src/redact.js";

/** Vendor formats as the specs declare them (`x-apitokens.secretFormats`): data, not core code. */
const FORMATS = [
  { name: "Dynatrace API token", pattern: "(?<public>dt0[a-zA-Z][0-9]{2}\\.[A-Z0-9]{24})\\.[A-Z0-9]{64}" },
  { name: "Timeweb Cloud API key (JWT)", pattern: "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*" },
  {
    name: "Qernal token",
    pattern: "(?<public>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})@[^\\s\"',;]+",
  },
  {
    name: "Sematext API key (UUID)",
    pattern: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
    redact: false,
  },
];
const DT_ID = "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7";
const DT_SECRET = `${DT_ID}.XKWO886VOMPZOM75WBBR4QMW2WXFOGO4MVN4A4WFHYM4L1VFZ3ZFKKIBJ3J4WJ99`;

describe("Redactor.text: generic shapes (no vendor formats)", () => {
  const redactor = new Redactor();
  it.each([
    { given: "Authorization: Bearer abc.def-123", want: `Authorization: Bearer ${REDACTED}` },
    { given: "Api-Token dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7.XYZ", want: `Api-Token ${REDACTED}` },
    { given: "header apiKey e5f18450-205a-48eb-8589-7d49edaea813 sent", want: `header apiKey ${REDACTED} sent` },
    { given: "Basic dXNlcjpwYXNz", want: `Basic ${REDACTED}` },
    { given: "nothing secret here: token 1187 renamed", want: "nothing secret here: token 1187 renamed" },
    // Vendor formats are not core's: without them a bare Dynatrace secret is not a known shape.
    { given: `id ${DT_SECRET} leaked`, want: `id ${DT_SECRET} leaked` },
  ])("$given", ({ given, want }) => {
    expect(redactor.text(given)).toBe(want);
  });
});

describe("Redactor.text: vendor formats given as data", () => {
  const redactor = new Redactor(FORMATS);
  it.each([
    { given: `id ${DT_SECRET} leaked`, want: `id ${DT_ID}.${REDACTED} leaked` },
    { given: "jwt eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end", want: `jwt ${REDACTED} end` },
    { given: "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@Q7.xVn2~pL_8rTb4KdWm0s", want: `5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@${REDACTED}` },
    { given: `${DT_ID} is a public id`, want: `${DT_ID} is a public id` },
    // `redact: false`: a UUID alone is too generic to redact by shape (token ids are UUIDs too).
    { given: "token e5f18450-205a-48eb-8589-7d49edaea813 renamed", want: "token e5f18450-205a-48eb-8589-7d49edaea813 renamed" },
  ])("$given", ({ given, want }) => {
    expect(redactor.text(given)).toBe(want);
  });

  it("compiles a spec's formats once, whatever the number of redactors", () => {
    const formats = [{ name: "x", pattern: "xx-[0-9]+" }];
    const a = new Redactor(formats);
    const b = new Redactor(formats);
    expect([a.text("id xx-42"), b.text("id xx-42")]).toEqual([`id ${REDACTED}`, `id ${REDACTED}`]);
  });
});

describe("Redactor.text: known secrets", () => {
  it.each([
    { given: 'raw: a"b\\c+d/e', want: `raw: ${REDACTED}` },
    { given: `url: /tokens/${encodeURIComponent('a"b\\c+d/e')}`, want: `url: /tokens/${REDACTED}` },
    { given: `json: ${JSON.stringify({ t: 'a"b\\c+d/e' })}`, want: `json: {"t":"${REDACTED}"}` },
  ])("$given", ({ given, want }) => {
    const redactor = new Redactor();
    redactor.add('a"b\\c+d/e');
    expect(redactor.text(given)).toBe(want);
  });

  it("removes the longest secret whole when one contains another", () => {
    const redactor = new Redactor();
    redactor.add("secret-part");
    redactor.add("client-id@secret-part");
    expect(redactor.text("x client-id@secret-part y")).toBe(`x ${REDACTED} y`);
  });

  it("ignores values too short to be secrets", () => {
    const redactor = new Redactor();
    redactor.add("ab");
    expect(redactor.text("about")).toBe("about");
  });
});

describe("Redactor.text: echoes of 16 or more characters of a known secret", () => {
  const SECRET = "e5f18450-205a-48eb-8589-7d49edaea813";
  const redactor = new Redactor();
  redactor.add(SECRET);
  it.each([
    { given: `prefix ${SECRET.slice(0, 16)}!`, want: `prefix ${REDACTED}!` },
    { given: `suffix ${SECRET.slice(-16)}`, want: `suffix ${REDACTED}` },
    { given: `infix [${SECRET.slice(7, 30)}]`, want: `infix [${REDACTED}]` },
    { given: `two ${SECRET.slice(0, 20)} and ${SECRET.slice(-17)}`, want: `two ${REDACTED} and ${REDACTED}` },
    { given: `url-encoded ${encodeURIComponent(`${SECRET.slice(3, 25)}`)}`, want: `url-encoded ${REDACTED}` },
    { given: `15 characters ${SECRET.slice(0, 15)} stay`, want: `15 characters ${SECRET.slice(0, 15)} stay` },
  ])("$given", ({ given, want }) => {
    expect(redactor.text(given)).toBe(want);
  });

  it("keeps a vendor format's public part visible: only echoes of the secret part are redacted", () => {
    const dt = new Redactor(FORMATS);
    dt.add(DT_SECRET);
    expect(dt.text(`token ${DT_ID} expired`)).toBe(`token ${DT_ID} expired`);
    expect(dt.text(`echo ${DT_SECRET.slice(DT_ID.length + 5, DT_ID.length + 45)}`)).toBe(`echo ${REDACTED}`);
  });
});

describe("Redactor.snippet: redacts before it cuts", () => {
  it("does not leave a cut secret behind", () => {
    const redactor = new Redactor(FORMATS);
    const text = `${"x".repeat(100)} ${DT_SECRET}`;
    const snippet = redactor.snippet(text, 120);
    expect(snippet).toBe(`${"x".repeat(100)} ${DT_ID.slice(0, 18)}…`);
    expect(snippet).not.toContain(DT_SECRET.slice(DT_ID.length + 1, DT_ID.length + 10));
  });
});

describe("Redactor.value", () => {
  it("redacts every string of a JSON value, keys included", () => {
    const redactor = new Redactor();
    redactor.add("s3cr3t-value");
    expect(redactor.value({ a: ["s3cr3t-value", 1, null], "s3cr3t-value": { b: "x s3cr3t-value" } })).toEqual({
      a: [REDACTED, 1, null],
      [REDACTED]: { b: `x ${REDACTED}` },
    });
  });

  it.each([{ given: 31 }, { given: 32 }, { given: 33 }, { given: 200 }])(
    "never keeps a value nested $given levels deep raw",
    ({ given }) => {
      const redactor = new Redactor();
      redactor.add("s3cr3t-value");
      let body: unknown = { leak: "s3cr3t-value" };
      for (let i = 0; i < given; i++) body = { next: body };
      expect(JSON.stringify(redactor.value(body))).not.toContain("s3cr3t-value");
    },
  );
});
