import { num, str, url, type ValidatorSpec } from 'envalid';
import { parseIsoDate, wholeNumber } from '../common/config';
import type { SubgraphAddress } from '../common/subgraph/descriptor';
import type { ResilienceSettings } from './subgraph-policy';

/** How the gateway and the dtsen service call the registers, and the rules they compute with (registerCallSpecs). */
export interface RegisterCallSettings {
  /** `<NAME>_URL` of each subgraph called over HTTP, by its name: the registers and any other stored subgraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** One attempt of one subgraph call. */
  readonly subgraphTimeoutMs: number;
  /** Retries, backoff, circuit breakers and the request deadline above the subgraph timeout (docs/reliability.md). */
  readonly resilience: ResilienceSettings;
  readonly ruleSetVersion: string;
  /** Date ages and benefits are computed at, midnight UTC. */
  readonly evaluationDate: Date;
}

const isoDate = str({ desc: 'YYYY-MM-DD', default: '' });

const urlVariable = (subgraph: SubgraphAddress) => `${subgraph.name.toUpperCase()}_URL`;

/** `<NAME>_URL` of each subgraph, by default where it listens by default on this machine. */
function subgraphUrlSpecs(subgraphs: readonly SubgraphAddress[]): Record<string, ValidatorSpec<string>> {
  return Object.fromEntries(
    subgraphs.map((subgraph) => [
      urlVariable(subgraph),
      url({ default: `http://localhost:${subgraph.defaultPort}/graphql`, desc: `GraphQL URL of the ${subgraph.name} subgraph` }),
    ]),
  );
}

/**
 * What the gateway and the dtsen service both read: where the subgraphs they call are (`subgraphs`:
 * from subgraphs/registry.ts), how their calls are bounded (docs/reliability.md), and the rule set
 * and date eligibility is computed with.
 */
export function registerCallSpecs(subgraphs: readonly SubgraphAddress[]) {
  return { ...subgraphUrlSpecs(subgraphs), ...CALL_SPECS };
}

const CALL_SPECS = {
  SUBGRAPH_TIMEOUT_MS: num({ default: 5000, desc: 'Timeout of one subgraph request, ms' }),
  REQUEST_DEADLINE_MS: num({ default: 10_000, desc: 'Every subgraph call of one request ends within this, retries included, ms; above SUBGRAPH_TIMEOUT_MS' }),
  SUBGRAPH_RETRIES: num({ default: 2, desc: 'Further attempts of a subgraph query after a retryable failure (0-5); mutations are never retried' }),
  SUBGRAPH_RETRY_BASE_MS: num({ default: 100, desc: 'First retry backoff, ms; later ones grow exponentially with jitter' }),
  BREAKER_THRESHOLD: num({ default: 5, desc: "Consecutive failures that open a subgraph's circuit breaker" }),
  BREAKER_HALF_OPEN_MS: num({ default: 10_000, desc: 'How long an open circuit breaker fails fast before probing the subgraph again, ms' }),
  RULE_SET: str({ default: '2025', desc: 'Eligibility rule-set version' }),
  EVALUATION_DATE: isoDate,
};

/** The settings registerCallSpecs(subgraphs) read; throws naming a bad variable. */
export function registerCallsFrom(
  subgraphs: readonly SubgraphAddress[],
  parsed: Parameters<typeof resilienceFrom>[0] & { RULE_SET: string; EVALUATION_DATE: string },
  today: Date,
): RegisterCallSettings {
  const urls = parsed as unknown as Readonly<Record<string, string>>;
  if (parsed.SUBGRAPH_TIMEOUT_MS <= 0) throw new Error('SUBGRAPH_TIMEOUT_MS must be a positive number of milliseconds');
  return {
    subgraphUrls: Object.freeze(Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, urls[urlVariable(subgraph)] as string]))),
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    resilience: resilienceFrom(parsed),
    ruleSetVersion: parsed.RULE_SET,
    evaluationDate: parseIsoDate(parsed.EVALUATION_DATE, 'EVALUATION_DATE', today),
  };
}

const MAX_RETRIES = 5;

function resilienceFrom(parsed: {
  SUBGRAPH_TIMEOUT_MS: number;
  REQUEST_DEADLINE_MS: number;
  SUBGRAPH_RETRIES: number;
  SUBGRAPH_RETRY_BASE_MS: number;
  BREAKER_THRESHOLD: number;
  BREAKER_HALF_OPEN_MS: number;
}): ResilienceSettings {
  // Below the subgraph timeout the deadline would cut every slow first attempt short and no retry could run.
  if (!(parsed.REQUEST_DEADLINE_MS > parsed.SUBGRAPH_TIMEOUT_MS)) {
    throw new Error(`REQUEST_DEADLINE_MS must be above SUBGRAPH_TIMEOUT_MS (${parsed.SUBGRAPH_TIMEOUT_MS} ms)`);
  }
  return Object.freeze({
    requestDeadlineMs: parsed.REQUEST_DEADLINE_MS,
    retries: wholeNumber(parsed.SUBGRAPH_RETRIES, 'SUBGRAPH_RETRIES', 0, MAX_RETRIES),
    retryBaseDelayMs: wholeNumber(parsed.SUBGRAPH_RETRY_BASE_MS, 'SUBGRAPH_RETRY_BASE_MS', 1),
    breakerThreshold: wholeNumber(parsed.BREAKER_THRESHOLD, 'BREAKER_THRESHOLD', 1),
    breakerHalfOpenMs: wholeNumber(parsed.BREAKER_HALF_OPEN_MS, 'BREAKER_HALF_OPEN_MS', 1),
  });
}
