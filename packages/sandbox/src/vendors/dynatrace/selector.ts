import type { DynatraceToken } from "./store.js";

/** A parsed `apiTokenSelector`: every criterion must match. */
export type Selector = (token: DynatraceToken) => boolean;

/**
 * Parses `apiTokenSelector`: comma-separated criteria, all of which must match —
 * `owner("<user>")` (case-sensitive), `personalAccessToken(true|false)`, and
 * `scope("<s1>","<s2>",…)` (any of the scopes). Returns the predicate, or what is wrong.
 *
 * @see specs/dynatrace.yaml, parameter apiTokenSelector
 * @example parseSelector('owner("john.smith"),personalAccessToken(false)')
 */
export function parseSelector(text: string): Selector | string {
  const criteria: Selector[] = [];
  const pattern = /\s*(owner|personalAccessToken|scope)\(([^)]*)\)\s*(,|$)/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return `cannot parse the selector at "${text.slice(at)}"; use owner("…"), personalAccessToken(true|false), scope("…",…)`;
    const [whole, name, args = ""] = match;
    at += whole.length;
    if (name === "personalAccessToken") {
      if (args !== "true" && args !== "false") return `personalAccessToken() takes true or false, got "${args}"`;
      const wanted = args === "true";
      criteria.push((token) => token.personalAccessToken === wanted);
      continue;
    }
    const values = quotedList(args);
    if (!values || values.length === 0) return `${name}() takes one or more quoted values, got ${args || "nothing"}`;
    if (name === "owner") {
      if (values.length !== 1) return "owner() takes exactly one quoted user";
      criteria.push((token) => token.owner === values[0]);
    } else {
      criteria.push((token) => token.scopes.some((scope) => values.includes(scope)));
    }
    if (match[3] === "") break;
  }
  return (token) => criteria.every((criterion) => criterion(token));
}

function quotedList(args: string): string[] | undefined {
  const values: string[] = [];
  const pattern = /\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;
  let at = 0;
  while (at < args.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(args);
    if (!match) return undefined;
    values.push((match[1] ?? "").replace(/\\(.)/g, "$1"));
    at += match[0].length;
    if (match[2] === "") break;
  }
  return values;
}
