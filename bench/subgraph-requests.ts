const SAMPLE = /^dtsen_graphql_requests_total\{outcome="[a-z]+"\} (\d+)$/gm;

/**
 * GraphQL requests the subgraphs at `metricsUrls` (their GET /metrics) have answered so far, summed:
 * read before and after a run, the difference over the gateway's requests is the subgraph calls
 * each request made, whichever gateway planned them (the dtsen service's calls and its own calls
 * to the registers among them; the dtsen subgraph in our gateway's process makes no HTTP call).
 */
export async function subgraphRequestsSoFar(metricsUrls: readonly string[]): Promise<number> {
  let total = 0;
  for (const url of metricsUrls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    for (const [, value] of (await response.text()).matchAll(SAMPLE)) total += Number(value);
  }
  return total;
}
