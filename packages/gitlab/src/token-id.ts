import { ConfigurationError } from "@apitokens/core";

/** Which token an id names: a personal access token, or a project's or group's access token. */
export type GitlabTokenRef =
  | { readonly kind: "pat"; readonly tokenId: number }
  | { readonly kind: "project" | "group"; readonly resourceId: number; readonly tokenId: number };

/**
 * The id the unified calls take: `pat:<id>`, `project:<project id>:<id>` or `group:<group id>:<id>`
 * (a project or group token is reached through its resource's path).
 *
 * @example gitlabTokenId({ kind: "project", resourceId: 7, tokenId: 45 }) // "project:7:45"
 */
export function gitlabTokenId(ref: GitlabTokenRef): string {
  return ref.kind === "pat" ? `pat:${ref.tokenId}` : `${ref.kind}:${ref.resourceId}:${ref.tokenId}`;
}

const ID = /^(?:pat:(\d{1,15})|(project|group):(\d{1,15}):(\d{1,15}))$/;

/**
 * Reads an id of {@link gitlabTokenId}; anything else is a `ConfigurationError` naming it.
 *
 * @example parseGitlabTokenId("group:9:12") // { kind: "group", resourceId: 9, tokenId: 12 }
 */
export function parseGitlabTokenId(id: string): GitlabTokenRef {
  const match = ID.exec(id);
  const number = (text: string | undefined) => Number(text);
  if (match?.[1] !== undefined && number(match[1]) > 0) return { kind: "pat", tokenId: number(match[1]) };
  if (match?.[2] !== undefined && number(match[3]) > 0 && number(match[4]) > 0)
    return { kind: match[2] as "project" | "group", resourceId: number(match[3]), tokenId: number(match[4]) };
  throw new ConfigurationError(
    `a GitLab token id is "pat:<id>", "project:<project id>:<id>" or "group:<group id>:<id>", got ${JSON.stringify(id)}`,
    { vendor: "gitlab", vendorName: "GitLab" },
  );
}
