import { cleanEnv, makeValidator, num, port, str, url } from 'envalid';
import { parseIsoDate, reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../common/config';

export interface GatewayConfig {
  readonly port: number;
  readonly subgraphUrls: { readonly dtks: string; readonly regsosek: string; readonly p3ke: string };
  readonly subgraphTimeoutMs: number;
  readonly ruleSetVersion: string;
  /** Date ages and benefits are computed at, midnight UTC. */
  readonly evaluationDate: Date;
  readonly playground: boolean;
  readonly dashboard: boolean;
  /** Schema introspection, and with it "Did you mean" field suggestions in error messages. */
  readonly introspection: boolean;
  /** Origins browsers may call the gateway from; empty: no CORS headers (same origin only). */
  readonly corsOrigins: readonly string[];
  readonly limits: ApiLimits;
  /** The resolution index `households`, `statistics` and the CSV export read; holds credentials, never log it. */
  readonly indexUrl: string;
}

/** What one GraphQL operation may ask for; rejected operations get GRAPHQL_VALIDATION_FAILED or GRAPHQL_PARSE_FAILED. */
export interface ApiLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
}

/**
 * Generous for every playground example and dashboard query (depth 5 at most, cost 650 at most)
 * and for the resolution run, whose largest operation is 100 aliased `household` fields: 100
 * aliases, about 1,850 tokens, cost about 12,600 (graphql-armor's cost: objects 2, scalars 1, times
 * 1.5 per level).
 */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 100;
export const MAX_DIRECTIVES = 20;
export const MAX_TOKENS = 5_000;
export const MAX_COST = 20_000;

export const API_LIMITS: ApiLimits = Object.freeze({
  maxDepth: MAX_DEPTH,
  maxAliases: MAX_ALIASES,
  maxDirectives: MAX_DIRECTIVES,
  maxTokens: MAX_TOKENS,
  maxCost: MAX_COST,
});

/** `CORS_ORIGINS`: comma-separated origins such as `https://app.example.go.id`. */
const originList = makeValidator((input: string): string[] => {
  const origins = input
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`"${origin}" is not an origin such as https://app.example.org`);
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`"${origin}" is not an origin such as https://app.example.org (scheme, host and port only)`);
    }
  }
  return origins;
});

const isoDate = str({ desc: 'YYYY-MM-DD', default: '' });

/** The Apollo gateway reports usage to Apollo unless this is set; no data may leave the machine. */
export function disableApolloTelemetry(): void {
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env, today = new Date()): GatewayConfig {
  const parsed = cleanEnv(
    env,
    {
      PORT: port({ default: 4000, desc: 'Port of the gateway' }),
      DTKS_URL: url({ default: 'http://localhost:4001/graphql', desc: 'GraphQL URL of the DTKS subgraph' }),
      REGSOSEK_URL: url({ default: 'http://localhost:4002/graphql', desc: 'GraphQL URL of the Regsosek subgraph' }),
      P3KE_URL: url({ default: 'http://localhost:4003/graphql', desc: 'GraphQL URL of the P3KE subgraph' }),
      SUBGRAPH_TIMEOUT_MS: num({ default: 5000, desc: 'Timeout of one subgraph request, ms' }),
      RULE_SET: str({ default: '2025', desc: 'Eligibility rule-set version' }),
      EVALUATION_DATE: isoDate,
      NODE_ENV: str({ default: 'development', choices: ['development', 'production', 'test'] }),
      PLAYGROUND: str({ default: '', choices: ['', 'on', 'off'], desc: 'GraphiQL at GET /graphql; on except in production' }),
      DASHBOARD: str({ default: '', choices: ['', 'on', 'off'], desc: 'Statistics dashboard at GET /dashboard; on except in production' }),
      INTROSPECTION: str({ default: '', choices: ['', 'on', 'off'], desc: 'Schema introspection and field suggestions; on except in production' }),
      CORS_ORIGINS: originList({ default: [], desc: 'Comma-separated origins allowed by CORS; empty: same origin only' }),
      ...storeLocationSpecs(['index']),
    },
    { reporter: reportConfigErrors },
  );
  if (parsed.SUBGRAPH_TIMEOUT_MS <= 0) throw new Error('SUBGRAPH_TIMEOUT_MS must be a positive number of milliseconds');
  return Object.freeze({
    port: parsed.PORT,
    subgraphUrls: Object.freeze({ dtks: parsed.DTKS_URL, regsosek: parsed.REGSOSEK_URL, p3ke: parsed.P3KE_URL }),
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    ruleSetVersion: parsed.RULE_SET,
    evaluationDate: parseIsoDate(parsed.EVALUATION_DATE, 'EVALUATION_DATE', today),
    playground: parsed.PLAYGROUND === '' ? parsed.NODE_ENV !== 'production' : parsed.PLAYGROUND === 'on',
    dashboard: parsed.DASHBOARD === '' ? parsed.NODE_ENV !== 'production' : parsed.DASHBOARD === 'on',
    introspection: parsed.INTROSPECTION === '' ? parsed.NODE_ENV !== 'production' : parsed.INTROSPECTION === 'on',
    corsOrigins: Object.freeze([...parsed.CORS_ORIGINS]),
    limits: API_LIMITS,
    indexUrl: storeUrlsFrom(['index'], parsed).index,
  });
}
