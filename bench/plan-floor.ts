import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { PRINCIPAL_HEADER, signRequest } from '../common/auth/signature';
import { signingKeysOf } from '../common/auth/subgraph-keys';
import { closeStore } from '../common/store/open-store';
import { loadGatewayConfig } from '../gateway/config';
import { buildGateway } from '../gateway/server';
import { readSupergraphSdl } from '../gateway/supergraph/subgraphs';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { openIndexStore } from '../resolution/store';
import { percentile, type LoadResult } from './load';

/** One subgraph call a gateway made, as sent (the signature is made afresh when it is replayed). */
export interface SubgraphCall {
  readonly url: string;
  readonly body: string;
  readonly principal: string;
  /** The key of the subgraph at `url`, which the replay signs with. */
  readonly key: string;
}

/**
 * The subgraph calls of one gateway request in waves: the calls of a wave went out in parallel, each
 * wave after an answer of the one before (the query plan's sequence, with its parallel fetches).
 */
export type PlanCalls = readonly (readonly SubgraphCall[])[];

interface TimedCall extends SubgraphCall {
  readonly started: number;
  /** When its answer ended (or failed); Infinity while it is open. */
  ended: number;
}

const END_CALLBACKS: ReadonlySet<PropertyKey> = new Set(['onResponseEnd', 'onResponseError', 'onComplete', 'onError']);

/** The dispatcher's handler, noting when the call's answer ended (either callback style undici uses). */
function timingEnd(handler: Dispatcher.DispatchHandler, call: TimedCall): Dispatcher.DispatchHandler {
  return new Proxy(handler, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (END_CALLBACKS.has(property)) call.ended = performance.now();
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function headerOf(headers: Dispatcher.DispatchOptions['headers'], name: string): string {
  const value = headers && !Array.isArray(headers) && typeof headers === 'object' ? (headers as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string') throw new Error(`a recorded subgraph call has no ${name} header`);
  return value;
}

/**
 * A call opens a new wave when an answer of the current wave had already come before it was sent:
 * it may have waited for that answer. Calls sent while every call of the wave was still open went
 * out in parallel (a plan's Parallel node, or the other branch of one).
 */
function inWaves(calls: readonly TimedCall[]): PlanCalls {
  const waves: { calls: SubgraphCall[]; firstEnd: number }[] = [];
  for (const { started, ended, ...call } of [...calls].sort((a, b) => a.started - b.started)) {
    const wave = waves.at(-1);
    if (wave && wave.firstEnd > started) {
      wave.calls.push(call);
      wave.firstEnd = Math.min(wave.firstEnd, ended);
    } else {
      waves.push({ calls: [call], firstEnd: ended });
    }
  }
  return waves.map((wave) => wave.calls);
}

/** Scenario (a)'s recorded calls summed up: per household, how many subgraph calls and waves. */
export interface PlanShape {
  readonly households: number;
  readonly calls: { readonly min: number; readonly max: number; readonly mean: number };
  readonly waves: { readonly min: number; readonly max: number };
  /** The commonest sizes of the waves, in order ("1, 5, 2, 4, 1"). */
  readonly commonWaves: string;
}

export function planShape(plans: readonly PlanCalls[]): PlanShape | null {
  if (plans.length === 0) return null;
  const calls = plans.map((plan) => plan.reduce((sum, wave) => sum + wave.length, 0));
  const waves = plans.map((plan) => plan.length);
  const patterns = new Map<string, number>();
  for (const plan of plans) {
    const pattern = plan.map((wave) => wave.length).join(', ');
    patterns.set(pattern, (patterns.get(pattern) ?? 0) + 1);
  }
  const [commonWaves] = [...patterns].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return {
    households: plans.length,
    calls: { min: Math.min(...calls), max: Math.max(...calls), mean: calls.reduce((a, b) => a + b, 0) / calls.length },
    waves: { min: Math.min(...waves), max: Math.max(...waves) },
    commonWaves,
  };
}

/**
 * Sends each request through an in-process instance of our gateway configured from `env` (with
 * DTSEN_URL: the dtsen subgraph is a service, so every fetch of the plan is an HTTP call) and
 * records the subgraph calls it makes, in waves. These are the direct subgraph calls of the
 * scenario: replayed, they are the floor the gateway adds to.
 */
export async function recordPlanCalls(env: NodeJS.ProcessEnv, token: string, requests: readonly { query: string; variables: Record<string, unknown> }[]): Promise<PlanCalls[]> {
  const config = loadGatewayConfig(env);
  if (!config.dtsenUrl) throw new Error('recording the plan floor needs DTSEN_URL: every fetch of the plan must be an HTTP call');
  const indexStore = await openIndexStore(config.indexUrl);
  const agent = new Agent();
  const keys = signingKeysOf(config.signingSecret, config.subgraphKeys);
  const keysByUrl = new Map(Object.entries({ ...config.subgraphUrls, dtsen: config.dtsenUrl }).map(([subgraph, subgraphUrl]) => [subgraphUrl, keys(subgraph)]));
  const keyOf = (callUrl: string) => {
    const key = keysByUrl.get(callUrl);
    if (key === undefined) throw new Error(`recording the plan floor: no subgraph at ${callUrl}`);
    return key;
  };
  let calls: TimedCall[] = [];
  const recording = agent.compose((dispatch) => (options, handler) => {
    const callUrl = `${options.origin?.toString() ?? ''}${options.path}`;
    const call: TimedCall = { url: callUrl, key: keyOf(callUrl), body: String(options.body), principal: headerOf(options.headers, PRINCIPAL_HEADER), started: performance.now(), ended: Number.POSITIVE_INFINITY };
    calls.push(call);
    return dispatch(options, timingEnd(handler, call));
  });
  const { sharedState: _unshared, ...settings } = config;
  const gateway = await buildGateway({ ...settings, supergraphSdl: readSupergraphSdl(), index: createIndexQueryRepository(indexStore), subgraphDispatcher: recording });
  const server = createServer(gateway.app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  try {
    const plans: PlanCalls[] = [];
    for (const { query, variables } of requests) {
      calls = [];
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown };
      if (!response.ok || body.errors) throw new Error(`recording the plan floor: the gateway answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      plans.push(inWaves(calls));
    }
    return plans;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await gateway.stop();
    await agent.close();
    await closeStore(indexStore);
  }
}

/** Replays one recorded plan; whether every call was answered 200. */
async function replay(agent: Agent, plan: PlanCalls): Promise<boolean> {
  for (const wave of plan) {
    const answers = await Promise.all(
      wave.map(async (call) => {
        const response = await request(call.url, {
          dispatcher: agent,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signRequest(call.key, call.principal, call.body) },
          body: call.body,
        });
        await response.body.text();
        return response.statusCode === 200;
      }),
    );
    if (!answers.every(Boolean)) return false;
  }
  return true;
}

/** The milliseconds `work` took, or null when it failed. */
async function timed(work: () => Promise<boolean>): Promise<number | null> {
  const started = performance.now();
  return (await work()) ? performance.now() - started : null;
}

/**
 * `connections` clients, each taking the next turn (0, 1, 2, … across all of them) until
 * `durationSeconds` have passed or `maxTurns` were taken.
 */
async function takeTurns(connections: number, durationSeconds: number, turn: (index: number) => Promise<void>, maxTurns = Number.POSITIVE_INFINITY): Promise<void> {
  let next = 0;
  const until = performance.now() + durationSeconds * 1000;
  const client = async () => {
    while (performance.now() < until && next < maxTurns) {
      const index = next;
      next += 1;
      await turn(index);
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
}

/**
 * Replays recorded plans straight to the subgraphs, wave after wave, from `connections` concurrent
 * clients for `durationSeconds`: the latency of each is the sum of its waves, what a client asking
 * the subgraphs itself would wait without a gateway.
 */
export async function runPlanFloor(options: { plans: readonly PlanCalls[]; connections: number; durationSeconds: number }): Promise<LoadResult> {
  const agent = new Agent({ connections: options.connections * 4 });
  const latencies: number[] = [];
  let failed = 0;
  try {
    await takeTurns(options.connections, options.durationSeconds, async (index) => {
      const latency = await timed(() => replay(agent, options.plans[index % options.plans.length] as PlanCalls));
      if (latency === null) failed += 1;
      else latencies.push(latency);
    });
  } finally {
    await agent.close();
  }
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / options.durationSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: failed,
    errors: 0,
    responses: latencies.length + failed,
    peakRssMb: null,
  };
}

/** A gateway's scenario (a), measured alternately with its own subgraph calls made directly. */
export interface PairedResult {
  readonly pairs: number;
  readonly failed: number;
  readonly gatewayP50: number;
  readonly floorP50: number;
  /** The median of each pair's difference: the gateway's time less the same household's calls made directly. */
  readonly medianPairDifference: number;
}

/**
 * Each of `connections` clients alternates between asking the gateway for a household and making
 * that household's recorded subgraph calls itself, the order swapped every pair, for
 * `durationSeconds`. Both halves of a pair run moments apart, so what the rest of the machine does
 * slows both alike; measured one after the other, seconds apart, the two p50s of the same setup
 * differed by several ms here.
 */
export async function runPaired(options: {
  gatewayUrl: string;
  token: string;
  requests: readonly { query: string; variables: Record<string, unknown> }[];
  plans: readonly PlanCalls[];
  connections: number;
  durationSeconds: number;
  /** Stop after this many pairs, if sooner; for tests and short trials. */
  maxPairs?: number;
}): Promise<PairedResult> {
  if (options.requests.length !== options.plans.length || options.plans.length === 0) throw new Error('runPaired needs one recorded plan per request');
  const agent = new Agent({ connections: options.connections * 4 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${options.token}` };
  const askGateway = async (index: number): Promise<boolean> => {
    const response = await request(options.gatewayUrl, { dispatcher: agent, method: 'POST', headers, body: JSON.stringify(options.requests[index]) });
    const body = await response.body.text();
    // Read whole, as the direct calls' answers are; a substring check, not a parse, so the check adds next to nothing to the time.
    return response.statusCode === 200 && !body.includes('"errors"');
  };
  const gateway: number[] = [];
  const floor: number[] = [];
  const differences: number[] = [];
  let failed = 0;
  try {
    await takeTurns(options.connections, options.durationSeconds, async (pair) => {
      const index = pair % options.plans.length;
      const viaGateway = () => timed(() => askGateway(index));
      const direct = () => timed(() => replay(agent, options.plans[index] as PlanCalls));
      // Swapped every pair: whichever goes second finds the household's rows freshly read.
      const gatewayFirst = pair % 2 === 0;
      const firstMs = gatewayFirst ? await viaGateway() : await direct();
      const secondMs = gatewayFirst ? await direct() : await viaGateway();
      const [gatewayMs, floorMs] = gatewayFirst ? [firstMs, secondMs] : [secondMs, firstMs];
      if (gatewayMs === null || floorMs === null) {
        failed += 1;
        return;
      }
      gateway.push(gatewayMs);
      floor.push(floorMs);
      differences.push(gatewayMs - floorMs);
    }, options.maxPairs);
  } finally {
    await agent.close();
  }
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return { pairs: gateway.length, failed, gatewayP50: median(gateway), floorP50: median(floor), medianPairDifference: median(differences) };
}
