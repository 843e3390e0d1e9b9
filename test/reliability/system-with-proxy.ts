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

type ProxySettings = { subgraphTimeoutMs?: number; slowMs?: number; resilience?: Partial<ResilienceSettings>; dtsen?: DtsenTopology };

/**
 * The whole system with a fault proxy between the gateway and one register's subgraph; with dtsen
 * over HTTP, the dtsen service asks that register through the same proxy.
 */
export async function startSystemBehindProxy(register: Register, settings: ProxySettings = {}): Promise<{ system: RunningSystem; proxy: FaultProxy }> {
  const { system, proxies } = await startSystemBehindProxies([register], settings);
  return { system, proxy: proxies[register] as FaultProxy };
}

/** As startSystemBehindProxy, with a proxy of its own in front of each of `registers`, each passing until set. */
export async function startSystemBehindProxies(
  registers: readonly Register[],
  settings: ProxySettings = {},
): Promise<{ system: RunningSystem; proxies: Readonly<Partial<Record<Register, FaultProxy>>> }> {
  const proxies: Partial<Record<Register, FaultProxy>> = {};
  const system = await startSystem({
    store: 'sqlite',
    data: WORLD,
    evaluationDate: EVALUATION_DATE,
    subgraphTimeoutMs: settings.subgraphTimeoutMs ?? 2_000,
    ...(settings.resilience ? { resilience: settings.resilience } : {}),
    ...(settings.dtsen ? { dtsen: settings.dtsen } : {}),
    subgraphUrlFor: async (name, url) => {
      const register = registers.find((candidate) => candidate === name);
      if (!register) return url;
      const proxy = await startFaultProxy(url, { slowMs: settings.slowMs ?? 5_000 });
      proxies[register] = proxy;
      return proxy.url;
    },
  });
  const missing = registers.filter((register) => !proxies[register]);
  if (missing.length > 0) throw new Error(`no proxy was started for ${missing.join(', ')}`);
  return { system, proxies };
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
