import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConfigurationError,
  ConnectionError,
  RateLimitError,
  RequestAbortedError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  writeOutcome,
} from "../../src/index.js";

describe("writeOutcome: what a failed create or reissue tells about the vendor's state", () => {
  it.each([
    { given: new BadRequestError("bad", { status: 400 }), want: "failed" },
    { given: new ConfigurationError("`expiresAt` must be in the future"), want: "failed" },
    { given: new ConnectionError("refused", { code: "ECONNREFUSED" }), want: "not-applied" },
    { given: new RateLimitError("slow down", { status: 429 }), want: "not-applied" },
    { given: new ServerError("unavailable", { status: 503 }), want: "not-applied" },
    { given: new ServerError("timeout", { status: 408 }), want: "not-applied" },
    { given: new ConnectionError("reset", { code: "ECONNRESET" }), want: "unknown" },
    { given: new ConnectionError("no code"), want: "unknown" },
    { given: new TimeoutError("slow", { kind: "attempt", timeoutMs: 1 }), want: "unknown" },
    { given: new ServerError("boom", { status: 500 }), want: "unknown" },
    { given: new ServerError("bad gateway", { status: 502 }), want: "unknown" },
    { given: new ServerError("gateway timeout", { status: 504 }), want: "unknown" },
    { given: new ResponseParseError("201 with malformed JSON", { status: 201 }), want: "unknown" },
    { given: new RequestAbortedError("aborted by the caller"), want: "unknown" },
    { given: new TypeError("Cannot destructure property 'token'"), want: "unknown" },
  ])("$given.name $given.message → $want", ({ given, want }) => {
    expect(writeOutcome(given)).toBe(want);
  });
});
