// Types of faults.mjs (plain JavaScript so that bench/fault-run.mjs runs it with node).
import type { inspect as Inspect } from "node:util";
import type { Fault, Sandbox } from "@apitokens/sandbox";

export type FaultVendor = "timeweb" | "qernal" | "dynatrace" | "sematext" | "gitlab";
export type Target = "create" | "reissue" | "delete";
export interface FaultPlan {
  readonly when: "before" | "after";
  /** A fault the sandbox injects itself (`sandbox.faults.next`). */
  readonly sandbox?: Fault;
  /** A fault the caller's fetch makes: what the caller gets instead of the real answer. */
  readonly wrap?: (real: Response, text: string) => Promise<Response>;
}
export declare const FAST: {
  readonly retry: { readonly initialDelayMs: 1; readonly maxDelayMs: 5; readonly jitter: 0 };
  readonly timeout: 5000;
  readonly deadline: 20000;
};
export declare const TIMEOUT_FAULT_MS: number;
export declare const FAULTS: Readonly<Record<FaultKind, FaultPlan>>;
export type FaultKind =
  | "refused (before)"
  | "429 (before)"
  | "503 (before)"
  | "reset (before)"
  | "malformed (before)"
  | "reset (after)"
  | "timeout (after)"
  | "500 (after)"
  | "502 (after)"
  | "504 (after)"
  | "truncated (after)"
  | "cut in the secret (after)"
  | "empty 2xx (after)"
  | "{} 2xx (after)";
export declare const FAULT_KINDS: readonly FaultKind[];
export declare const CREATE: Readonly<Record<FaultVendor, { readonly name: string; readonly scopes?: readonly string[] }>>;
export declare const FAULT_VENDORS: readonly FaultVendor[];
export declare const ROTATION: Readonly<Record<FaultVendor, "native" | "native-new-id" | "replace">>;
export declare const OPERATIONS: {
  readonly create: Readonly<Record<FaultVendor, string>>;
  readonly reissue: Readonly<Partial<Record<FaultVendor, string>>>;
  readonly delete: Readonly<Record<FaultVendor, string>>;
};
/** The slice of `connect()` a caller needs. */
export type Connect<T> = (options: Record<string, unknown>) => Record<string, { readonly tokens: T }>;
export interface Caller<T> {
  readonly tokens: T;
  /** Ids of the tokens this caller's requests created (the ground truth). */
  readonly created: string[];
  /** Drops a sandbox fault no request met. */
  done(): void;
}
export declare function caller<T>(sandbox: Sandbox, connect: Connect<T>, vendor: FaultVendor, kind?: FaultKind, target?: Target): Caller<T>;
export declare function allIds(sandbox: Sandbox, vendor: FaultVendor): string[];
export declare function storedSecret(sandbox: Sandbox, vendor: FaultVendor, id: string): string | undefined;
export declare function namedInSandbox(sandbox: Sandbox, vendor: FaultVendor, name: string): string[];
export declare function namedBy(error: unknown): string[];
export declare function everyRendering(error: unknown, inspect: typeof Inspect): string;
export declare function holdsFragment(text: string, secret: string, size?: number): boolean;
export declare function secretPart(vendor: FaultVendor, secret: string): string;
export declare function lostConnection(code?: string): TypeError;
