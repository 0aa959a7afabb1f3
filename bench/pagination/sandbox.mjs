// The pagination run's server: the apitokens sandbox in a child process (so its memory and
// CPU are not the client's), seeded with many Dynatrace tokens. Tells the parent its base
// URL and credential over IPC; exits when the parent disconnects.
import { startSandbox } from "@apitokens/sandbox";

const count = Number(process.argv[2]);
const started = performance.now();
const sandbox = await startSandbox({ port: 0, seed: "bench", tokens: { dynatrace: count } });
process.send?.({
  baseUrl: sandbox.url("dynatrace"),
  token: sandbox.credentials.dynatrace,
  seedMs: performance.now() - started,
  stored: sandbox.state.dynatrace.size,
});
process.on("disconnect", () => {
  sandbox.close().finally(() => process.exit(0));
});
