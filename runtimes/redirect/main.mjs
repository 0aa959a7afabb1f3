// Entry for Node, Bun and Deno: the configuration as the first argument, one `REDIRECT {json}` line out.
import { probe } from "./probe.mjs";

const config = JSON.parse(globalThis.Deno ? globalThis.Deno.args[0] : globalThis.process.argv[2]);
console.log(`REDIRECT ${JSON.stringify(await probe(config))}`);
