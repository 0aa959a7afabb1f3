import { createDynatraceClient } from "@apitokens/dynatrace";
import { connect } from "apitokens";
import axios from "axios";
import createClient from "openapi-fetch";

/**
 * The contenders of the overhead run, as data: each makes one `GET /apiTokens` the way its
 * users would and returns how many tokens it got (the run checks it is 2, so every one did
 * the same work). The first is the floor the others are divided by.
 *
 * @example const [floor] = await contenders({ baseUrl, token, heyApi });
 */
export async function contenders({ baseUrl, token, heyApiBundle }) {
  const authorization = `Api-Token ${token}`;
  const url = `${baseUrl}/apiTokens`;

  const bare = createClient({ baseUrl, headers: { Authorization: authorization } });
  const ours = createDynatraceClient({ baseUrl, token });
  const vendors = connect({ dynatrace: { baseUrl, token } });
  const heyApi = await import(heyApiBundle);
  heyApi.client.setConfig({ baseUrl, auth: () => authorization });
  const http = axios.create({ baseURL: baseUrl, headers: { Authorization: authorization } });

  return [
    {
      id: "fetch",
      name: "fetch + JSON.parse (floor)",
      async call() {
        const response = await fetch(url, { headers: { Authorization: authorization } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return JSON.parse(await response.text()).apiTokens.length;
      },
    },
    {
      id: "openapi-fetch",
      name: "openapi-fetch (bare)",
      async call() {
        const { data, error } = await bare.GET("/apiTokens");
        if (error) throw new Error(JSON.stringify(error));
        return data.apiTokens.length;
      },
    },
    {
      id: "client",
      name: "createDynatraceClient (auth, retry, errors)",
      async call() {
        const { data, error } = await ours.GET("/apiTokens");
        if (error) throw new Error(JSON.stringify(error));
        return data.apiTokens.length;
      },
    },
    {
      id: "tokens.list",
      name: "connect().dynatrace.tokens.list()",
      async call() {
        let count = 0;
        for await (const token of vendors.dynatrace.tokens.list()) if (token.id) count++;
        return count;
      },
    },
    {
      id: "hey-api",
      name: "@hey-api/openapi-ts client (generated)",
      async call() {
        const { data, error } = await heyApi.listApiTokens();
        if (error) throw new Error(JSON.stringify(error));
        return data.apiTokens.length;
      },
    },
    {
      id: "axios",
      name: "axios",
      async call() {
        const { data } = await http.get("/apiTokens");
        return data.apiTokens.length;
      },
    },
  ];
}
