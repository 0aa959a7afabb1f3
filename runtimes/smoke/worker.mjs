// Entry for workerd: `workerd test` calls the `test` handler; the report goes to the log as one
// `SMOKE {json}` line, and a failed check fails the test.
import { smoke } from "./smoke.mjs";

export default {
  async test() {
    const report = await smoke();
    console.log(`SMOKE ${JSON.stringify(report)}`);
    if (!report.ok) throw new Error("smoke checks failed");
  },
};
