import { num, str, url } from 'envalid';
import { parseIsoDate, wholeNumber } from '../common/config';
import type { ResilienceSettings } from './subgraph-policy';

/** How the gateway and the dtsen service call the registers, and the rules they compute with (REGISTER_CALL_SPECS). */
export interface RegisterCallSettings {
  readonly subgraphUrls: { readonly dtks: string; readonly regsosek: string; readonly p3ke: string };
  /** One attempt of one subgraph call. */
  readonly subgraphTimeoutMs: number;
  /** Retries, backoff, circuit breakers and the request deadline above the subgraph timeout (docs/reliability.md). */
  readonly resilience: ResilienceSettings;
  readonly ruleSetVersion: string;
  /** Date ages and benefits are computed at, midnight UTC. */
  readonly evaluationDate: Date;
}

const isoDate = str({ desc: 'YYYY-MM-DD', default: '' });

/**
 * What the gateway and the dtsen service both read: where the registers are, how their calls are
 * bounded (docs/reliability.md), and the rule set and date eligibility is computed with.
 */
export const REGISTER_CALL_SPECS = {
  DTKS_URL: url({ default: 'http://localhost:4001/graphql', desc: 'GraphQL URL of the DTKS subgraph' }),
  REGSOSEK_URL: url({ default: 'http://localhost:4002/graphql', desc: 'GraphQL URL of the Regsosek subgraph' }),
  P3KE_URL: url({ default: 'http://localhost:4003/graphql', desc: 'GraphQL URL of the P3KE subgraph' }),
  SUBGRAPH_TIMEOUT_MS: num({ default: 5000, desc: 'Timeout of one subgraph request, ms' }),
  REQUEST_DEADLINE_MS: num({ default: 10_000, desc: 'Every subgraph call of one request ends within this, retries included, ms; above SUBGRAPH_TIMEOUT_MS' }),
  SUBGRAPH_RETRIES: num({ default: 2, desc: 'Further attempts of a subgraph query after a retryable failure (0-5); mutations are never retried' }),
  SUBGRAPH_RETRY_BASE_MS: num({ default: 100, desc: 'First retry backoff, ms; later ones grow exponentially with jitter' }),
  BREAKER_THRESHOLD: num({ default: 5, desc: "Consecutive failures that open a subgraph's circuit breaker" }),
  BREAKER_HALF_OPEN_MS: num({ default: 10_000, desc: 'How long an open circuit breaker fails fast before probing the subgraph again, ms' }),
  RULE_SET: str({ default: '2025', desc: 'Eligibility rule-set version' }),
  EVALUATION_DATE: isoDate,
};

/** The settings REGISTER_CALL_SPECS read; throws naming a bad variable. */
export function registerCallsFrom(
  parsed: Parameters<typeof resilienceFrom>[0] & { DTKS_URL: string; REGSOSEK_URL: string; P3KE_URL: string; RULE_SET: string; EVALUATION_DATE: string },
  today: Date,
): RegisterCallSettings {
  if (parsed.SUBGRAPH_TIMEOUT_MS <= 0) throw new Error('SUBGRAPH_TIMEOUT_MS must be a positive number of milliseconds');
  return {
    subgraphUrls: Object.freeze({ dtks: parsed.DTKS_URL, regsosek: parsed.REGSOSEK_URL, p3ke: parsed.P3KE_URL }),
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
