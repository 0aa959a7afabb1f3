// What must not compile against specs/gitlab.yaml, one `@ts-expect-error` per line with its
// reason; nothing here is sent (the calls sit in a function that is never run).
import { describe, expectTypeOf, it } from "vitest";
import { createGitlabClient, type GitlabToken, type GitlabVendorOptions, type ResourceAccessTokenWithToken } from "../src/index.js";

const client = createGitlabClient({ token: "glpat-ts8y8Mk2gxi-xvXVsxfN" });

function neverCalled() {
  // @ts-expect-error the path `{id}` of a project is required
  client.GET("/projects/{id}/access_tokens");
  // @ts-expect-error `token_id` is an integer, not a string
  client.GET("/projects/{id}/access_tokens/{token_id}", { params: { path: { id: 7, token_id: "45" } } });
  // @ts-expect-error `name` is required to create a project token
  client.POST("/projects/{id}/access_tokens", { params: { path: { id: 7 } }, body: { scopes: ["api"] } });
  // @ts-expect-error `access_level` is a closed list of roles: 0 (No access) is not one
  client.POST("/groups/{id}/access_tokens", { params: { path: { id: 9 } }, body: { name: "x", scopes: ["api"], access_level: 0 } });
  // @ts-expect-error the rotate body has only `expires_at`
  client.POST("/personal_access_tokens/{id}/rotate", { params: { path: { id: 1 } }, body: { name: "renamed" } });
  // @ts-expect-error `state` is `active` or `inactive`
  client.GET("/personal_access_tokens", { params: { query: { state: "revoked" } } });
  // @ts-expect-error unknown query parameters do not compile
  client.GET("/personal_access_tokens", { params: { query: { owner: 3 } } });
  // @ts-expect-error the admin token API takes the secret as `token`
  client.POST("/admin/token", { body: { value: "glpat-…" } });
  // @ts-expect-error there is no PUT on a personal access token (no rename in the API)
  client.PUT("/personal_access_tokens/{id}", { params: { path: { id: 1 } } });
}

describe("GitLab types", () => {
  it("keep the secret only on create and rotate answers", () => {
    expectTypeOf<ResourceAccessTokenWithToken["token"]>().toEqualTypeOf<string>();
    expectTypeOf<GitlabToken>().not.toHaveProperty("token");
    expectTypeOf<GitlabToken["kind"]>().toEqualTypeOf<"pat" | "project" | "group">();
    expectTypeOf<GitlabVendorOptions["projectIds"]>().toEqualTypeOf<number | readonly number[] | undefined>();
    expectTypeOf(neverCalled).toBeFunction();
  });
});
