// A consumer of all four clients and the unified interface, for `tsc --extendedDiagnostics`:
// what a user's editor and CI pay to type-check code written against apitokens.
import { createDynatraceClient } from "@apitokens/dynatrace";
import { createQernalClient } from "@apitokens/qernal";
import { createSematextClient } from "@apitokens/sematext";
import { createTimewebClient } from "@apitokens/timeweb";
import { connect, paginate, unwrap } from "apitokens";

const token = "token";

export async function timeweb(): Promise<string[]> {
  const client = createTimewebClient({ token });
  const keys = await unwrap(client.GET("/api/v1/auth/api-keys"));
  const created = await unwrap(client.POST("/api/v1/auth/api-keys", { body: { name: "ci", expire: "2030-01-01T00:00:00Z" } }));
  await client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: created.api_key.id } } });
  return keys.api_keys.map((key) => key.name);
}

export async function qernal(): Promise<string[]> {
  const client = createQernalClient({ token });
  const names: string[] = [];
  for await (const meta of paginate(client, "/auth/tokens", { params: { query: { page: { size: 50 } } } })) names.push(meta.name);
  const one = await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: "id" } } }));
  return [...names, one.name];
}

export async function dynatrace(): Promise<string[]> {
  const client = createDynatraceClient({ baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token });
  const ids: string[] = [];
  for await (const apiToken of paginate(client, "/apiTokens", { params: { query: { pageSize: 500, sort: "-creationDate" } } }))
    ids.push(apiToken.id);
  const created = await unwrap(client.POST("/apiTokens", { body: { name: "ci", scopes: ["metrics.read"] } }));
  await client.PUT("/apiTokens/{id}", { params: { path: { id: created.id } }, body: { enabled: false } });
  return ids;
}

export async function sematext(): Promise<number> {
  const client = createSematextClient({ region: "eu", token });
  const { data } = await client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: 42 } } });
  return data ? 1 : 0;
}

export async function unified(): Promise<Date[]> {
  const vendors = connect({
    timeweb: { token },
    qernal: { token },
    dynatrace: { baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token },
    sematext: { region: "eu", token, appId: 42 },
  });
  const dates: Date[] = [];
  for (const tokens of vendors.all) for await (const info of tokens.list()) if (info.expiresAt) dates.push(info.expiresAt);
  const rotated = await vendors.dynatrace.tokens.rotate("dt0c01.ABC", { revokeOld: "disable" });
  const found = await vendors.identify(rotated.secret);
  return found?.createdAt ? [...dates, found.createdAt] : dates;
}
