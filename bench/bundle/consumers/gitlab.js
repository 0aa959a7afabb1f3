// One vendor client: create it, list tokens.
import { createGitlabClient } from "@apitokens/gitlab";

const gitlab = createGitlabClient({ token: globalThis.GITLAB_TOKEN });
const { data } = await gitlab.GET("/personal_access_tokens");
console.log(data);
