import { DAY_MS } from "../../clock.js";
import type { Random } from "../../random.js";
import type { SematextStore } from "./store.js";

/** The Apps of the sandbox account. */
const APPS = ["production-logs", "infra-monitoring", "staging-logs"];
/** Token names and their permissions. */
const PROFILES: readonly { readonly name: string; readonly readable: boolean; readonly writeable: boolean }[] = [
  { name: "logagent", readable: false, writeable: true },
  { name: "fluent-bit", readable: false, writeable: true },
  { name: "vector-shipper", readable: false, writeable: true },
  { name: "ci-shipper", readable: true, writeable: true },
  { name: "grafana-readonly", readable: true, writeable: false },
  { name: "alerting-query", readable: true, writeable: false },
  { name: "k8s-daemonset", readable: false, writeable: true },
];

/**
 * Fills the store: three Apps, each with its default shipping token and `perApp` more —
 * shippers and read-only query tokens, some disabled, created over two years before `anchor`.
 * Returns the account API key and the App ids.
 *
 * @example const { apiKey, apps } = seedSematext(store, new Random("demo:sematext"), startOfDay(Date.now()), 6);
 */
export function seedSematext(store: SematextStore, random: Random, anchor: number, perApp: number): { apiKey: string; apps: number[] } {
  const apiKey = random.uuid();
  let appId = random.int(20000, 29999);
  const apps: number[] = [];
  for (const name of APPS) {
    appId += random.int(1, 40);
    const app = store.addApp(appId, name);
    apps.push(app.id);
    const appCreated = anchor - random.int(365 * DAY_MS, 730 * DAY_MS);
    // Every App starts with its default token, which agents ship with.
    store.create(app, { name: "default", readable: true, writeable: true, enabled: true, createdAt: appCreated });
    for (let i = 0; i < perApp; i++) {
      const profile = random.pick(PROFILES);
      store.create(app, { ...profile, enabled: random.chance(0.85), createdAt: random.int(appCreated, anchor) });
    }
  }
  return { apiKey, apps };
}
