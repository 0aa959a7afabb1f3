// Entry for a browser page: the report is left on `globalThis.smokeReport` for the test to read,
// with whether the page lets scripts compile code from strings (false under a strict CSP).
import { smoke } from "./smoke.mjs";

function evalAllowed() {
  try {
    return new Function("return true")() === true;
  } catch {
    return false;
  }
}

globalThis.smokeReport = smoke().then((report) => ({ ...report, evalAllowed: evalAllowed() }));
