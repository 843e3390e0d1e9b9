import { startService, waitUntilReady, type RunningService } from '../scripts/start/processes';

/**
 * The gateways the bench can load, side by side on the same registers and supergraph:
 * - `ours`: our gateway as deployed by default, the dtsen subgraph in its process;
 * - `ours-dtsen-http`: our gateway with the dtsen subgraph as its own service (DTSEN_URL), the
 *   topology Hive Gateway needs;
 * - `ours-2-workers`: our gateway as by default, in two cluster workers (GATEWAY_WORKERS=2);
 * - `hive`: Hive Gateway (bench/hive), with the same dtsen service.
 */
export const GATEWAYS = ['ours', 'ours-dtsen-http', 'ours-2-workers', 'hive'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

function isGatewayName(name: string): name is GatewayName {
  return (GATEWAYS as readonly string[]).includes(name);
}

/** `--gateways ours,hive`: the named gateways, in the order given, each once. */
export function parseGateways(value: string): GatewayName[] {
  const names = [...new Set(value.split(',').map((name) => name.trim()))];
  const unknown = names.filter((name) => !isGatewayName(name));
  if (names.length === 0 || unknown.length > 0) throw new Error(`--gateways takes a comma-separated list of ${GATEWAYS.join(', ')}; got "${value}"`);
  return names.filter(isGatewayName);
}

export interface GatewayPorts {
  readonly ours: number;
  readonly oursDtsenHttp: number;
  readonly oursWorkers: number;
  readonly hive: number;
  readonly dtsen: number;
}

export interface BenchGateway {
  readonly name: GatewayName;
  readonly url: string;
  /** Its process, whose memory the load runs sample; null for several workers, whose memory is not summed. */
  readonly pid: number | null;
  /** Its process (with several workers, their primary): its CPU and its workers' are the gateway's. */
  readonly processPid: number;
  /** The dtsen service's process when this gateway calls it over HTTP; null when dtsen runs in its process. */
  readonly dtsenPid: number | null;
}

export interface StartedGateways {
  /** The selected gateways, in the order selected. */
  readonly gateways: readonly BenchGateway[];
  /** Our gateway's GraphQL URL: the resolution run and the key collection go through it, selected or not. */
  readonly setupUrl: string;
  /** Whether the dtsen service runs (at `ports.dtsen`). */
  readonly dtsenService: boolean;
}

const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * Starts our gateway (always), the dtsen service when a selected gateway reaches it over HTTP or
 * `withDtsenService` asks for it (recording scenario (a)'s calls needs it), and
 * the other selected gateways, each its own process with `env` (which names the registers, the
 * secrets and DTSEN_PORT) and node's arguments `nodeArgs(name)`; resolves once every one is ready.
 * Each started process is pushed onto `services` as soon as it starts, so the caller stops it even
 * when a later one fails.
 */
export async function startGateways(
  selected: readonly GatewayName[],
  ports: GatewayPorts,
  env: NodeJS.ProcessEnv,
  services: RunningService[],
  readyTimeoutMs: number,
  nodeArgs: (name: string) => readonly string[],
  withDtsenService = false,
): Promise<StartedGateways> {
  const start = (name: string, entry: string, port: number, extra: NodeJS.ProcessEnv = {}, args: readonly string[] = []): RunningService => {
    const service = startService({ name, entry, args, url: `http://127.0.0.1:${port}` }, { ...env, ...extra }, nodeArgs(name));
    services.push(service);
    return service;
  };
  const dtsenUrl = graphqlUrl(ports.dtsen);
  const dtsenService = withDtsenService || selected.some((name) => name !== 'ours');
  const dtsen = dtsenService ? start('dtsen', 'subgraphs/main.ts', ports.dtsen, {}, ['dtsen']) : null;
  if (dtsen) await waitUntilReady(dtsen, readyTimeoutMs);

  const processes = new Map<GatewayName, { service: RunningService; port: number }>();
  processes.set('ours', { service: start('gateway', 'gateway/main.ts', ports.ours, { PORT: String(ports.ours) }), port: ports.ours });
  if (selected.includes('ours-dtsen-http')) {
    const service = start('gateway-dtsen-http', 'gateway/main.ts', ports.oursDtsenHttp, { PORT: String(ports.oursDtsenHttp), DTSEN_URL: dtsenUrl });
    processes.set('ours-dtsen-http', { service, port: ports.oursDtsenHttp });
  }
  if (selected.includes('ours-2-workers')) {
    const service = start('gateway-2-workers', 'gateway/main.ts', ports.oursWorkers, { PORT: String(ports.oursWorkers), GATEWAY_WORKERS: '2' });
    processes.set('ours-2-workers', { service, port: ports.oursWorkers });
  }
  if (selected.includes('hive')) {
    processes.set('hive', { service: start('hive', 'bench/hive/main.ts', ports.hive, { HIVE_PORT: String(ports.hive), DTSEN_URL: dtsenUrl }), port: ports.hive });
  }
  await Promise.all([...processes.values()].map(({ service }) => waitUntilReady(service, readyTimeoutMs)));

  const gateways = selected.map((name): BenchGateway => {
    const started = processes.get(name);
    const pid = started?.service.child.pid;
    if (!started || pid === undefined) throw new Error(`the ${name} gateway has no process`);
    const callsDtsen = name === 'ours-dtsen-http' || name === 'hive';
    return { name, url: graphqlUrl(started.port), pid: name === 'ours-2-workers' ? null : pid, processPid: pid, dtsenPid: callsDtsen ? (dtsen?.child.pid ?? null) : null };
  });
  return { gateways, setupUrl: graphqlUrl(ports.ours), dtsenService };
}
