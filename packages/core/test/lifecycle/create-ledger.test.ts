import { describe, expect, it } from "vitest";
import { CreateLedgers } from "../../src/lifecycle/create-ledger.js";

// The per-process ledger decides which listed token a create whose outcome is unknown may adopt.

describe("create ledger", () => {
  it.each([
    { given: { before: ["old"], listed: ["old"] }, want: { kind: "none" } },
    { given: { before: ["old"], listed: ["old", "new"] }, want: { kind: "adopt", id: "new" } },
    { given: { before: [], listed: ["a", "b"] }, want: { kind: "ambiguous", ids: ["a", "b"] } },
  ])("alone: before $given.before, listed $given.listed → $want.kind", ({ given, want }) => {
    const call = new CreateLedgers().open("acme", "ci");
    call.recordBefore(given.before);
    call.sending();
    call.unknown();
    expect(call.attribute(given.listed)).toEqual(want);
  });

  it("never adopts a token another call received", () => {
    const ledgers = new CreateLedgers();
    const mine = ledgers.open("acme", "ci");
    const theirs = ledgers.open("acme", "ci");
    mine.recordBefore([]);
    theirs.recordBefore([]);
    mine.sending();
    theirs.sending();
    theirs.received("theirs");
    mine.unknown();
    expect(mine.attribute(["theirs"])).toEqual({ kind: "none" });
  });

  it("adopts nobody's token while another call of the name may have created it", () => {
    const ledgers = new CreateLedgers();
    const [a, b] = [ledgers.open("acme", "ci"), ledgers.open("acme", "ci")];
    for (const call of [a, b]) {
      call.recordBefore([]);
      call.sending();
      call.unknown();
    }
    expect(a.attribute(["t"])).toEqual({ kind: "ambiguous", ids: ["t"] });
    a.close();
    // a's outcome stays unknown, so b still cannot tell whose "t" is.
    expect(b.attribute(["t"])).toEqual({ kind: "ambiguous", ids: ["t"] });
  });

  it("lists again while another call's request is in flight, and waits for it to settle", async () => {
    const ledgers = new CreateLedgers();
    const [mine, theirs] = [ledgers.open("acme", "ci"), ledgers.open("acme", "ci")];
    mine.recordBefore([]);
    theirs.recordBefore([]);
    mine.sending();
    theirs.sending();
    mine.unknown();
    expect(mine.attribute(["x"])).toEqual({ kind: "again", ids: ["x"] });
    let quiet = false;
    const waiting = mine.quiet().then(() => {
      quiet = true;
    });
    await Promise.resolve();
    expect(quiet).toBe(false);
    theirs.received("x");
    await waiting;
    expect(mine.attribute(["x"])).toEqual({ kind: "none" });
  });

  it("keeps ledgers of other names and vendors apart, and forgets a name once its calls are over", () => {
    const ledgers = new CreateLedgers();
    const one = ledgers.open("acme", "ci");
    one.recordBefore([]);
    one.sending();
    one.received("t");
    one.close();
    const later = ledgers.open("acme", "ci");
    later.recordBefore(["t"]);
    later.sending();
    later.unknown();
    expect(later.attribute(["t", "u"])).toEqual({ kind: "adopt", id: "u" });
    const other = ledgers.open("other", "ci");
    other.recordBefore([]);
    other.sending();
    other.unknown();
    expect(other.attribute(["t"])).toEqual({ kind: "adopt", id: "t" });
  });
});
