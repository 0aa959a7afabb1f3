// The floor for the type-check row: the same four specs' `paths` through bare openapi-fetch,
// making the same calls as ../consumer, so the difference is what apitokens' types add
// (exact request checking, typed pagination, the unified lifecycle).
import type { paths as DynatracePaths } from "@apitokens/dynatrace";
import type { paths as QernalPaths } from "@apitokens/qernal";
import type { paths as SematextPaths } from "@apitokens/sematext";
import type { paths as TimewebPaths } from "@apitokens/timeweb";
import createClient from "openapi-fetch";

const headers = { Authorization: "Bearer token" };

export async function timeweb(): Promise<string[]> {
  const client = createClient<TimewebPaths>({ baseUrl: "https://api.timeweb.cloud", headers });
  const { data: keys } = await client.GET("/api/v1/auth/api-keys");
  const { data: created } = await client.POST("/api/v1/auth/api-keys", { body: { name: "ci", expire: "2030-01-01T00:00:00Z" } });
  if (created) await client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: created.api_key.id } } });
  return keys?.api_keys.map((key) => key.name) ?? [];
}

export async function qernal(): Promise<string[]> {
  const client = createClient<QernalPaths>({ baseUrl: "https://chaos.qernal.com/v1", headers });
  const { data: list } = await client.GET("/auth/tokens", { params: { query: { page: { size: 50 } } } });
  const { data: one } = await client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: "id" } } });
  const names = list ? (Array.isArray(list) ? list : list.data).map((meta) => meta.name) : [];
  return one ? [...names, one.name] : names;
}

export async function dynatrace(): Promise<string[]> {
  const client = createClient<DynatracePaths>({ baseUrl: "https://abc12345.live.dynatrace.com/api/v2", headers });
  const { data: page } = await client.GET("/apiTokens", { params: { query: { pageSize: 500, sort: "-creationDate" } } });
  const { data: created } = await client.POST("/apiTokens", { body: { name: "ci", scopes: ["metrics.read"] } });
  if (created) await client.PUT("/apiTokens/{id}", { params: { path: { id: created.id } }, body: { enabled: false } });
  return page?.apiTokens?.map((apiToken) => apiToken.id) ?? [];
}

export async function sematext(): Promise<number> {
  const client = createClient<SematextPaths>({ baseUrl: "https://apps.eu.sematext.com", headers });
  const { data } = await client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: 42 } } });
  return data ? 1 : 0;
}
