import { describe, expect, it } from "vitest";
import { REDACTED, Redactor } from "../src/index.js";

describe("Redactor.text: secret shapes", () => {
  const redactor = new Redactor();
  it.each([
    { given: "Authorization: Bearer abc.def-123", want: `Authorization: Bearer ${REDACTED}` },
    { given: "Api-Token dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7.XYZ", want: `Api-Token ${REDACTED}` },
    { given: "header apiKey e5f18450-205a-48eb-8589-7d49edaea813 sent", want: `header apiKey ${REDACTED} sent` },
    {
      given: "id dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7.XKWO886VOMPZOM75WBBR4QMW2WXFOGO4MVN4A4WFHYM4L1VFZ3ZFKKIBJ3J4WJ99 leaked",
      want: `id dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7.${REDACTED} leaked`,
    },
    { given: "jwt eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end", want: `jwt ${REDACTED} end` },
    { given: "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@Q7.xVn2~pL_8rTb4KdWm0s", want: `5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@${REDACTED}` },
    { given: "nothing secret here: token 1187 renamed", want: "nothing secret here: token 1187 renamed" },
    { given: "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7 is a public id", want: "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7 is a public id" },
  ])("$given", ({ given, want }) => {
    expect(redactor.text(given)).toBe(want);
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

  it("redacts every string of a JSON value, keys included", () => {
    const redactor = new Redactor();
    redactor.add("s3cr3t-value");
    expect(redactor.value({ a: ["s3cr3t-value", 1, null], "s3cr3t-value": { b: "x s3cr3t-value" } })).toEqual({
      a: [REDACTED, 1, null],
      [REDACTED]: { b: `x ${REDACTED}` },
    });
  });
});
