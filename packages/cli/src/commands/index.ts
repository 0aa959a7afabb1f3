import type { CommandEntry } from "../command.js";

/** Every command, in the order `--help` lists them; each module is loaded only when used. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "summary",
    summary: "a short overview: tokens per vendor, findings per kind, what needs attention",
    load: async () => (await import("./summary.js")).summary,
  },
  { name: "list", summary: "one inventory of every token across vendors", load: async () => (await import("./list.js")).list },
  {
    name: "audit",
    summary: "the inventory with findings; exit code 1 when there are any",
    load: async () => (await import("./audit.js")).audit,
  },
  {
    name: "leaked",
    summary: "find every secret in a paste or log, identify (and revoke) each",
    load: async () => (await import("./leaked.js")).leaked,
  },
  {
    name: "create",
    summary: "create a token; its secret is shown once or written to a file",
    load: async () => (await import("./mutate.js")).create,
  },
  {
    name: "rotate",
    summary: "a new secret for a token (native reissue, or replacement first)",
    load: async () => (await import("./mutate.js")).rotate,
  },
  { name: "revoke", summary: "delete a token for good (asks first)", load: async () => (await import("./mutate.js")).revoke },
  {
    name: "enable",
    summary: "switch a disabled token back on (Dynatrace, Sematext)",
    load: async () => (await import("./mutate.js")).enable,
  },
  {
    name: "disable",
    summary: "switch a token off, keeping it (Dynatrace, Sematext)",
    load: async () => (await import("./mutate.js")).disable,
  },
];
