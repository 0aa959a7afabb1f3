/**
 * What one process knows about the creates of one token name running in it, so that
 * reconciliation never adopts a token another call of this process created: tokens another
 * call received (or adopted) are excluded, and while another call's create may still take
 * effect, or its outcome is unknown too, a single new token cannot be told apart and is
 * adopted by nobody.
 *
 * A create of another process cannot be seen here; see the core README ("Lifecycle") for what
 * that means for callers.
 */

/** Where a create call stands. */
type Stage = "preparing" | "sending" | "unknown" | "settled";

interface Call {
  stage: Stage;
  before: ReadonlySet<string>;
  open: boolean;
}

interface Ledger {
  readonly calls: Set<Call>;
  /** Ids that a call of this process received from the vendor or adopted. */
  readonly claimed: Set<string>;
  readonly waiters: Set<() => void>;
}

/** What reconciliation may conclude from one listing. */
export type Attribution =
  | { readonly kind: "none" }
  | { readonly kind: "adopt"; readonly id: string }
  | { readonly kind: "ambiguous"; readonly ids: readonly string[] }
  /** Another call's create was in flight while listing: wait for it and list again. */
  | { readonly kind: "again"; readonly ids: readonly string[] };

/** One create call's handle on the ledger of its name. */
export interface CreateCall {
  /** Records the ids of the same-name tokens that existed before the create. */
  recordBefore(ids: Iterable<string>): void;
  sending(): void;
  /** The vendor answered with this token. */
  received(id: string): void;
  /** The vendor refused, or the request provably did not take effect. */
  settled(): void;
  /** The request may have taken effect. */
  unknown(): void;
  /** Resolves once no other call of this name has a request in flight. */
  quiet(): Promise<void>;
  /** Which of the listed same-name ids (if any) is this call's; an adopted id is claimed at once. */
  attribute(listed: Iterable<string>): Attribution;
  /** The call is over. */
  close(): void;
}

/**
 * Per-process ledgers of creates, keyed by vendor and token name.
 *
 * @example const call = CREATE_LEDGER.open("dynatrace", "ci"); try { … } finally { call.close(); }
 */
export class CreateLedgers {
  readonly #ledgers = new Map<string, Ledger>();

  open(vendor: string, name: string): CreateCall {
    const key = `${vendor}\u0000${name}`;
    let ledger = this.#ledgers.get(key);
    if (!ledger) {
      ledger = { calls: new Set(), claimed: new Set(), waiters: new Set() };
      this.#ledgers.set(key, ledger);
    }
    const own = ledger;
    const self: Call = { stage: "preparing", before: new Set(), open: true };
    own.calls.add(self);
    const others = () => [...own.calls].filter((call) => call !== self);
    const changed = () => {
      for (const wake of [...own.waiters]) wake();
    };
    const move = (stage: Stage) => {
      self.stage = stage;
      changed();
    };
    return {
      recordBefore: (ids) => {
        self.before = new Set(ids);
      },
      sending: () => move("sending"),
      received: (id) => {
        own.claimed.add(id);
        move("settled");
      },
      settled: () => move("settled"),
      unknown: () => move("unknown"),
      quiet: () =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (others().some((call) => call.stage === "sending")) return;
            own.waiters.delete(check);
            resolve();
          };
          own.waiters.add(check);
          check();
        }),
      attribute: (listed) => {
        const fresh = [...new Set(listed)].filter((id) => !self.before.has(id) && !own.claimed.has(id));
        if (others().some((call) => call.stage === "sending")) return { kind: "again", ids: fresh };
        if (fresh.length === 0) return { kind: "none" };
        const [only] = fresh;
        // Another call whose create may have taken effect could have made any token it had not seen before.
        const rivalled = (id: string) => others().some((call) => call.stage === "unknown" && !call.before.has(id));
        if (fresh.length === 1 && only !== undefined && !rivalled(only)) {
          own.claimed.add(only);
          move("settled");
          return { kind: "adopt", id: only };
        }
        return { kind: "ambiguous", ids: fresh };
      },
      close: () => {
        self.open = false;
        // A call whose outcome stayed unknown remains a rival while other calls of the name run.
        if (self.stage !== "unknown") own.calls.delete(self);
        if (![...own.calls].some((call) => call.open)) this.#ledgers.delete(key);
        changed();
      },
    };
  }
}

/** The ledgers of this process, shared by every `createTokens` lifecycle. */
export const CREATE_LEDGERS = new CreateLedgers();
