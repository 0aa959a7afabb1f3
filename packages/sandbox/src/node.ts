// The public API of @apitokens/sandbox on Node: everything of the runtime-neutral entry, plus
// the HTTP server. Node (and Bun and Deno, which resolve the `node` condition) get this file
// for `@apitokens/sandbox`; bundlers for browsers and workers get `./index.ts`.
export * from "./index.js";
export type { RunningSandbox, StartSandboxOptions } from "./start.js";
export { SERVER_DEFAULTS, startSandbox } from "./start.js";
