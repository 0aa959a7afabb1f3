import { DAY_MS } from "../../clock.js";
import type { Random } from "../../random.js";
import type { DynatraceStore, DynatraceToken } from "./store.js";

/** Who owns seeded tokens. */
const OWNERS = ["john.smith", "jane.doe", "maria.garcia", "li.wei", "a.kowalski", "priya.patel", "tom.mueller", "svc-automation"];

/** Typical API tokens: a name and the scopes such a token gets. */
const PROFILES: readonly { readonly name: string; readonly scopes: readonly string[] }[] = [
  { name: "ci-metrics-reader", scopes: ["metrics.read", "entities.read"] },
  { name: "log-shipper", scopes: ["logs.ingest"] },
  {
    name: "k8s-operator",
    scopes: ["activeGates.read", "activeGates.write", "entities.read", "settings.read", "settings.write", "DataExport"],
  },
  { name: "terraform", scopes: ["settings.read", "settings.write", "ReadConfig", "WriteConfig", "slo.read", "slo.write"] },
  { name: "synthetic-monitor", scopes: ["ExternalSyntheticIntegration", "syntheticLocations.read", "ReadSyntheticData"] },
  { name: "oneagent-installer", scopes: ["InstallerDownload"] },
  { name: "otel-collector", scopes: ["metrics.ingest", "logs.ingest", "openTelemetryTrace.ingest"] },
  { name: "release-annotations", scopes: ["releases.read", "events.ingest"] },
  { name: "slo-reporter", scopes: ["slo.read", "metrics.read"] },
  { name: "grafana-datasource", scopes: ["metrics.read", "entities.read", "problems.read"] },
  { name: "problem-sync", scopes: ["problems.read", "problems.write"] },
  { name: "audit-export", scopes: ["auditLogs.read"] },
  { name: "token-rotation", scopes: ["apiTokens.read", "apiTokens.write"] },
  { name: "security-scanner", scopes: ["securityProblems.read", "entities.read"] },
  { name: "dashboard-share", scopes: ["ViewDashboard"] },
];

const SUFFIXES = ["", "", "-prod", "-staging", "-eu", "-us", "-v2", "-old"];
const PAT_NAMES = ["laptop", "cli", "debugging", "notebook", "scripts"];
const IPS = ["34.197.2.44", "10.12.4.31", "10.12.7.9", "52.28.119.5", "192.168.20.14", "2a05:d014:8f1:7a00::1c", "18.184.22.160"];

/** The token the sandbox hands out as `credentials.dynatrace`: an API token that may manage tokens. */
export const DYNATRACE_CREDENTIAL = Object.freeze({
  name: "apitokens-sandbox",
  owner: "sandbox.admin",
  scopes: Object.freeze(["apiTokens.read", "apiTokens.write", "metrics.read", "entities.read", "settings.read"]),
});

/**
 * Fills the store: first the credential token, then `count` realistic tokens — owners,
 * scopes by purpose, personal access tokens, creation and last-use dates over two years
 * before `anchor`, some expired, some disabled, some never used.
 *
 * @example const credential = seedDynatrace(store, new Random("demo:dynatrace"), startOfDay(Date.now()), 60);
 */
export function seedDynatrace(store: DynatraceStore, random: Random, anchor: number, count: number): DynatraceToken {
  const credential = store.create({
    ...DYNATRACE_CREDENTIAL,
    scopes: [...DYNATRACE_CREDENTIAL.scopes],
    enabled: true,
    personalAccessToken: false,
    creationDate: anchor - 30 * DAY_MS + random.int(0, DAY_MS - 1),
    modifiedDate: undefined,
    expirationDate: undefined,
    lastUsedDate: undefined,
    lastUsedIpAddress: undefined,
    additionalMetadata: {},
  });
  for (let i = 0; i < count; i++) store.create(seededToken(random, anchor));
  return credential;
}

function seededToken(random: Random, anchor: number): Parameters<DynatraceStore["create"]>[0] {
  const owner = random.pick(OWNERS);
  const personal = random.chance(0.25);
  const profile = random.pick(PROFILES);
  const creationDate = anchor - random.int(1, 730 * DAY_MS);
  const expires = random.chance(0.35);
  const expired = expires && random.chance(0.4) && creationDate + DAY_MS < anchor - DAY_MS;
  const expirationDate = !expires
    ? undefined
    : expired
      ? random.int(creationDate + DAY_MS, anchor - DAY_MS)
      : anchor + random.int(1, 365) * DAY_MS;
  const usedUntil = Math.min(anchor, expirationDate ?? anchor);
  const used = random.chance(0.8) && usedUntil > creationDate;
  const lastUsedDate = used ? random.int(creationDate, usedUntil) : undefined;
  return {
    name: personal ? `${owner.split(/[.-]/)[0]}-${random.pick(PAT_NAMES)}` : `${profile.name}${random.pick(SUFFIXES)}`,
    enabled: random.chance(0.88),
    personalAccessToken: personal,
    owner,
    scopes: personal
      ? random.some(["entities.read", "metrics.read", "logs.read", "problems.read", "settings.read"], 1, 3)
      : [...profile.scopes],
    creationDate,
    modifiedDate: random.chance(0.4) ? random.int(creationDate, Math.min(anchor, usedUntil + DAY_MS)) : undefined,
    expirationDate,
    lastUsedDate,
    lastUsedIpAddress: used ? random.pick(IPS) : undefined,
    additionalMetadata: profile.name === "dashboard-share" ? { dashboardId: random.uuid() } : {},
  };
}
