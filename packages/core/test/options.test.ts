import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../src/index.js";
import { acmeClient } from "./fixtures.js";

const BASE = "http://127.0.0.1:9/v1";

/** The error `create` throws, or `undefined`. */
function refusal(create: () => unknown): Error | undefined {
  try {
    create();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe("URLs are refused with a typed error naming the option, never the value", () => {
  it.each([
    {
      given: "credentials in the URL",
      tokenUrl: "http://admin:pw-s3cr3t@127.0.0.1/oauth2/token",
      want: /`tokenUrl` must not contain credentials/,
    },
    {
      given: "a user without a password",
      tokenUrl: "https://admin@auth.example.com/token",
      want: /`tokenUrl` must not contain credentials/,
    },
    { given: "not a URL", tokenUrl: "not a url", want: /`tokenUrl` is not a valid absolute URL/ },
    { given: "a relative path", tokenUrl: "/oauth2/token", want: /`tokenUrl` is not a valid absolute URL/ },
    { given: "another scheme", tokenUrl: "ftp://auth.example.com/token", want: /`tokenUrl` must be http\(s\), got ftp:/ },
    { given: "a query", tokenUrl: "https://auth.example.com/token?secret=pw-s3cr3t", want: /`tokenUrl` must not have a query/ },
    { given: "an empty string", tokenUrl: "", want: /`tokenUrl` is required/ },
  ])("tokenUrl with $given", ({ tokenUrl, want }) => {
    const error = refusal(() => acmeClient({ baseUrl: BASE, scheme: "oauth", token: "id@secret-value", tokenUrl }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(want);
    expect(error?.message).not.toContain("pw-s3cr3t");
    expect(JSON.stringify(error)).not.toContain("pw-s3cr3t");
  });

  it.each([
    {
      given: "credentials in the URL",
      baseUrl: "https://admin:pw-s3cr3t@api.example.com/v1",
      want: /`baseUrl` must not contain credentials/,
    },
    { given: "not a URL", baseUrl: "not a url", want: /`baseUrl` is not a valid absolute URL/ },
    { given: "a data: URL", baseUrl: "data:text/plain,hello", want: /`baseUrl` must be http\(s\), got data:/ },
    { given: "a fragment", baseUrl: "https://api.example.com/v1#pw-s3cr3t", want: /`baseUrl` must not have a query or fragment/ },
    { given: "nothing", baseUrl: "", want: /`baseUrl` is required/ },
  ])("baseUrl with $given", ({ baseUrl, want }) => {
    const error = refusal(() => acmeClient({ baseUrl }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(want);
    expect(error?.message).not.toContain("pw-s3cr3t");
  });
});

describe("headers are checked when the client is created", () => {
  it.each([
    {
      given: "a CR LF header injection",
      headers: { "X-Trace": "abc\r\nX-Evil: pw-s3cr3t" },
      want: /`headers\["X-Trace"\]` contains a carriage return \(CR\) at position 4/,
    },
    {
      given: "a bare LF",
      headers: { "X-Trace": "abc\npw-s3cr3t" },
      want: /`headers\["X-Trace"\]` contains a line feed \(LF\) at position 4/,
    },
    { given: "a NUL", headers: { "X-Trace": "a\u0000pw-s3cr3t" }, want: /contains a NUL character at position 2/ },
    {
      given: "a character outside Latin-1",
      headers: { "X-Trace": "pw-s3cr3t→" },
      want: /contains a character outside Latin-1 at position 10/,
    },
    { given: "a name with a space", headers: { "X Trace pw-s3cr3t": "1" }, want: /`headers` has a name that is not a valid header name/ },
    { given: "a name with CR LF", headers: { "X-A\r\nX-pw-s3cr3t": "1" }, want: /`headers` has a name that is not a valid header name/ },
    {
      given: "a number as a value",
      headers: { "X-Count": 1 as unknown as string },
      want: /`headers\["X-Count"\]` must be a string, got number/,
    },
  ])("refuses $given without echoing the value", ({ headers, want }) => {
    const error = refusal(() => acmeClient({ baseUrl: BASE, headers }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(want);
    expect(error?.message).not.toContain("pw-s3cr3t");
  });

  it("accepts ordinary headers", () => {
    expect(refusal(() => acmeClient({ baseUrl: BASE, headers: { "X-Trace": "abc 123", "User-Agent": "ci/1.0 (é)" } }))).toBeUndefined();
  });
});

describe("time limits are positive finite milliseconds", () => {
  it.each([
    { option: "timeout", given: 0, want: "`timeout` must be a positive finite number of milliseconds, got 0" },
    { option: "timeout", given: -1, want: "`timeout` must be a positive finite number of milliseconds, got -1" },
    { option: "timeout", given: Number.NaN, want: "`timeout` must be a positive finite number of milliseconds, got NaN" },
    {
      option: "timeout",
      given: Number.POSITIVE_INFINITY,
      want: "`timeout` must be a positive finite number of milliseconds, got Infinity",
    },
    { option: "deadline", given: 0, want: "`deadline` must be a positive finite number of milliseconds, got 0" },
    { option: "deadline", given: -5, want: "`deadline` must be a positive finite number of milliseconds, got -5" },
    { option: "deadline", given: Number.NaN, want: "`deadline` must be a positive finite number of milliseconds, got NaN" },
    {
      option: "deadline",
      given: Number.POSITIVE_INFINITY,
      want: "`deadline` must be a positive finite number of milliseconds, got Infinity",
    },
    { option: "timeout", given: "30s", want: "`timeout` must be a positive finite number of milliseconds, got string" },
  ])("$option: $given is refused, on the client and in withOptions", ({ option, given, want }) => {
    const error = refusal(() => acmeClient({ baseUrl: BASE, [option]: given }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toBe(`Acme: ${want}`);
    const client = acmeClient({ baseUrl: BASE });
    const again = refusal(() => client.withOptions({ [option]: given }));
    expect(again).toBeInstanceOf(ConfigurationError);
    expect(again?.message).toBe(`Acme: ${want}`);
  });
});
