import type { Register } from '../../common/store-url';
import type { ResilienceSettings } from '../../subgraph-calls/subgraph-policy';
import { EVALUATION_DATE, WORLD } from '../federated/fixtures';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startSystem, type GraphQLResponse, type RunningSystem } from '../support/system';

export const HOUSEHOLD_QUERY = `query ($noKK: String!) {
  household(noKK: $noKK) {
    noKK sources unavailableSources
    dtks { dtksId } regsosek { ranking { desil } } p3ke { desil }
    desil { value source complete }
    eligibility { program eligible complete }
    targeting { program status complete }
  }
}`;

/** Where the dtsen subgraph runs: both must give the same answers when a register fails. */
export type DtsenTopology = 'in-process' | 'http';
export const DTSEN_TOPOLOGIES: readonly { dtsen: DtsenTopology; where: string }[] = [
  { dtsen: 'in-process', where: "in the gateway's process" },
  { dtsen: 'http', where: 'as its own service over HTTP' },
];

/**
 * The whole system with a fault proxy between the gateway and one register's subgraph; with dtsen
 * over HTTP, the dtsen service asks that register through the same proxy.
 */
export async function startSystemBehindProxy(
  register: Register,
  settings: { subgraphTimeoutMs?: number; slowMs?: number; resilience?: Partial<ResilienceSettings>; dtsen?: DtsenTopology } = {},
): Promise<{ system: RunningSystem; proxy: FaultProxy }> {
  let proxy: FaultProxy | undefined;
  const system = await startSystem({
    store: 'sqlite',
    data: WORLD,
    evaluationDate: EVALUATION_DATE,
    subgraphTimeoutMs: settings.subgraphTimeoutMs ?? 2_000,
    ...(settings.resilience ? { resilience: settings.resilience } : {}),
    ...(settings.dtsen ? { dtsen: settings.dtsen } : {}),
    subgraphUrlFor: async (name, url) => {
      if (name !== register) return url;
      proxy = await startFaultProxy(url, { slowMs: settings.slowMs ?? 5_000 });
      return proxy.url;
    },
  });
  if (!proxy) throw new Error(`no proxy was started for ${register}`);
  return { system, proxy };
}

/** The response with each distinct error once: one unavailable register fails every call the plan makes to it. */
export function withDistinctErrors(response: GraphQLResponse): GraphQLResponse {
  const errors = response.body.errors;
  if (!errors) return response;
  const distinct = [...new Map(errors.map((error) => [JSON.stringify(error), error])).values()];
  return { ...response, body: { ...response.body, errors: distinct } };
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}
