import { cleanEnv, makeValidator, num, port, str } from 'envalid';
import { signingSecret, subgraphKeySpecs, subgraphKeysFrom } from '../common/auth/signing-secret';
import { reportConfigErrors, storeLocationSpecs, storeReplicaSpecs, storeReplicaUrlsFrom, storeUrlsFrom, wholeNumber } from '../common/config';
import { MIN_SECRET_LENGTH } from '../common/auth/signature';
import { GATEWAY_AUDIENCE, LOCAL_ISSUER, type TokenSource } from './auth/verifier';
import { maxTokenLifetimeSecondsFrom, TOKEN_LIFETIME_SPECS } from './auth/token-lifetime';
import { registerCallSpecs, registerCallsFrom, type RegisterCallSettings } from '../subgraph-calls/register-call-settings';
import { SUBGRAPH_REGISTRY } from '../subgraphs/registry';
import type { ConcurrencyLimitSettings } from './resilience/concurrency-limit';
import { workerCountFrom } from '../common/cluster';
import { DEFAULT_TRUSTED_DOCUMENTS, trustedDocumentModesFrom, type TrustedDocumentModes } from './trusted-documents/modes';

export interface GatewayConfig extends RegisterCallSettings {
  readonly port: number;
  /** `SUBGRAPHS`: the subgraphs this deployment federates, names of subgraphs/registry.ts, in its order (default: all of them). */
  readonly subgraphs: readonly string[];
  /** Processes serving the port (node:cluster); 1: this process alone. */
  readonly workers: number;
  readonly playground: boolean;
  readonly dashboard: boolean;
  /** Schema introspection, and with it "Did you mean" field suggestions in error messages. */
  readonly introspection: boolean;
  /** Origins browsers may call the gateway from; empty: no CORS headers (same origin only). */
  readonly corsOrigins: readonly string[];
  readonly limits: ApiLimits;
  /** The resolution index `households`, `statistics` and the CSV export read; holds credentials, never log it. */
  readonly indexUrl: string;
  /** `INDEX_DATABASE_REPLICA_URLS`: MySQL read replicas `households`, `statistics` and the export read from. */
  readonly indexReplicaUrls: readonly string[];
  /** Where bearer tokens are verified: a shared HS256 secret or an identity provider's JWKS. */
  readonly tokenSource: TokenSource;
  /**
   * PRINCIPAL_SIGNING_SECRET: the cursor key and every subgraph key not set on its own derive from it
   * (common/auth/subgraph-keys.ts). Never log it.
   */
  readonly signingSecret: string;
  /** `<NAME>_SIGNING_SECRET` by subgraph name, those set; absent or unlisted: derived from `signingSecret`. Never log them. */
  readonly subgraphKeys?: Readonly<Record<string, string>>;
  /** GraphQL requests one principal may make per minute; more are answered RATE_LIMITED (HTTP 429). */
  readonly rateLimitPerMinute: number;
  /** Look-ups by key (`household`, `person`) one principal may make per hour that find nothing; more are answered RATE_LIMITED. */
  readonly lookupMissesPerHour: number;
  /** How many requests each gateway process runs at once, for one principal and in all, and how many wait (docs/performance.md). */
  readonly concurrency: ConcurrencyLimitSettings;
  /** Time a client has to send a request's whole body once its headers are in; slower ones get 408 and lose the connection. */
  readonly bodyTimeoutMs: number;
  /** The dtsen subgraph as its own service (`subgraphs/main.ts dtsen`); absent: it runs in the gateway's process. */
  readonly dtsenUrl?: string;
  /** Where several gateway instances keep what they share (APQ, rate limit); null: each instance alone, in memory (docs/scaling.md). */
  readonly sharedState: SharedStateSettings | null;
  /** `TRUSTED_DOCUMENTS`: per role, whether operations its organisation has not registered run, are logged or are refused (docs/partners.md). */
  readonly trustedDocuments: TrustedDocumentModes;
}

export interface SharedStateSettings {
  /** `REDIS_URL`; may hold a password, never log it. */
  readonly redisUrl: string;
  /** Prefix of every key the gateway writes, so several deployments can share one Redis. */
  readonly keyPrefix: string;
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
 * Generous for every playground example and dashboard query (depth 5 at most, cost 1,772 at most)
 * and for the resolution run, whose largest operations are 100 aliased `household` fields (100
 * aliases, about 1,850 tokens) and a page of 100 households, each costing about 19,200
 * (gateway/security/list-cost.ts: objects 2, scalars 1, each list times its `first` or assumed
 * size). The cost limit leaves room for a few more resolved fields and refuses a page of 100
 * households followed through their members' families (66,202 at two hops, 166,202 at four).
 */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 100;
export const MAX_DIRECTIVES = 20;
export const MAX_TOKENS = 5_000;
export const MAX_COST = 25_000;

/**
 * Look-ups per principal per hour that find nothing (gateway/security/lookup-misses.ts). A person
 * typing NIKs misses a few an hour; confirming a masked NIK by guessing takes thousands of misses
 * (docs/security.md, "What each role can learn"), which this makes days of work.
 */
export const DEFAULT_LOOKUP_MISSES_PER_HOUR = 100;

/** Measured in docs/performance.md ("Admission"): enough to keep the subgraphs busy, few enough to keep the tail short. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 8;
export const DEFAULT_MAX_QUEUED_REQUESTS = 1_000;

/**
 * The largest body a client sends in practice is the resolution's 100-household operation with its
 * variables, about 10 KB; the 1 MB body limit takes 4 s at 2 Mbit/s. 5 s lets both through and
 * bounds how long a client that trickles its body holds its socket.
 */
export const DEFAULT_REQUEST_BODY_TIMEOUT_MS = 5_000;
/** Node's headersTimeout (default 60 s) for the gateway's server: headers are a few hundred bytes. */
export const HEADERS_TIMEOUT_MS = 10_000;

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

/** The Apollo gateway reports usage to Apollo unless this is set; no data may leave the machine. */
export function disableApolloTelemetry(): void {
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
}

/** The subgraphs the gateway calls over HTTP at `<NAME>_URL`: all but dtsen, which runs in its process unless DTSEN_URL is set. */
const HTTP_SUBGRAPHS = SUBGRAPH_REGISTRY.filter((subgraph) => subgraph.name !== 'dtsen');
/** Every subgraph the gateway signs calls to, dtsen among them when it runs as its own service. */
const SUBGRAPH_NAMES = SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name);

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env, today = new Date()): GatewayConfig {
  const parsed = cleanEnv(
    env,
    {
      PORT: port({ default: 4000, desc: 'Port of the gateway' }),
      GATEWAY_WORKERS: str({ default: '1', desc: 'Worker processes serving the port (node:cluster); auto: one per CPU' }),
      ...registerCallSpecs(HTTP_SUBGRAPHS),
      NODE_ENV: str({ default: 'development', choices: ['development', 'production', 'test'] }),
      PLAYGROUND: str({ default: '', choices: ['', 'on', 'off'], desc: 'GraphiQL at GET /graphql; on except in production' }),
      DASHBOARD: str({ default: '', choices: ['', 'on', 'off'], desc: 'Statistics dashboard at GET /dashboard; on except in production' }),
      INTROSPECTION: str({ default: '', choices: ['', 'on', 'off'], desc: 'Schema introspection and field suggestions; on except in production' }),
      CORS_ORIGINS: originList({ default: [], desc: 'Comma-separated origins allowed by CORS; empty: same origin only' }),
      ...storeLocationSpecs(['index']),
      ...storeReplicaSpecs(['index']),
      AUTH_JWT_SECRET: str({ default: '', desc: `HS256 secret of local tokens (npm run token), at least ${MIN_SECRET_LENGTH} characters` }),
      AUTH_JWKS_URL: str({ default: '', desc: "The identity provider's JWKS URL (RS256/ES256 tokens)" }),
      AUTH_ISSUER: str({ default: '', desc: `Expected token issuer; ${LOCAL_ISSUER} for local tokens` }),
      AUTH_AUDIENCE: str({ default: GATEWAY_AUDIENCE, desc: 'Expected token audience' }),
      ...TOKEN_LIFETIME_SPECS,
      PRINCIPAL_SIGNING_SECRET: signingSecret({ desc: 'The secret the subgraph signing keys and the cursor key derive from' }),
      ...subgraphKeySpecs(SUBGRAPH_NAMES),
      RATE_LIMIT_PER_MINUTE: num({ default: 600, desc: 'Requests (GraphQL and CSV export) per principal per minute' }),
      LOOKUP_MISSES_PER_HOUR: num({ default: DEFAULT_LOOKUP_MISSES_PER_HOUR, desc: 'Look-ups by NIK or No. KK per principal per hour that find nothing' }),
      MAX_CONCURRENT_REQUESTS: num({ default: DEFAULT_MAX_CONCURRENT_REQUESTS, desc: 'Requests (GraphQL and CSV export) one gateway process runs at once; the rest queue in arrival order' }),
      MAX_QUEUED_REQUESTS: num({ default: DEFAULT_MAX_QUEUED_REQUESTS, desc: 'Requests that may wait for their turn; beyond them OVERLOADED (HTTP 503)' }),
      MAX_CONCURRENT_PER_PRINCIPAL: num({ default: undefined, desc: 'Requests one principal runs at once; the rest of its requests wait. Unset: half of MAX_CONCURRENT_REQUESTS' }),
      REQUEST_BODY_TIMEOUT_MS: num({ default: DEFAULT_REQUEST_BODY_TIMEOUT_MS, desc: 'Time a client has to send the whole request body, ms; slower ones get HTTP 408' }),
      DTSEN_URL: str({ default: '', desc: 'GraphQL URL of the dtsen subgraph service; empty: in process' }),
      REDIS_URL: str({ default: '', desc: 'redis:// or rediss:// URL of the Redis several gateway instances share; empty: state in process memory' }),
      REDIS_KEY_PREFIX: str({ default: 'dtsen:', desc: 'Prefix of the keys the gateway writes in Redis' }),
      SUBGRAPHS: str({ default: '', desc: `Comma-separated subgraphs the gateway federates (${SUBGRAPH_NAMES.join(', ')}); empty: all of them` }),
      TRUSTED_DOCUMENTS: str({ default: DEFAULT_TRUSTED_DOCUMENTS, desc: 'off, log or enforce, or role:mode pairs (partner:enforce,*:off): what happens to operations an organisation has not registered' }),
    },
    { reporter: reportConfigErrors },
  );
  const registerCalls = registerCallsFrom(HTTP_SUBGRAPHS, parsed, today);
  const storeUrls = storeUrlsFrom(['index'], parsed);
  if (!Number.isInteger(parsed.RATE_LIMIT_PER_MINUTE) || parsed.RATE_LIMIT_PER_MINUTE <= 0) {
    throw new Error('RATE_LIMIT_PER_MINUTE must be a positive whole number');
  }
  return Object.freeze({
    port: parsed.PORT,
    subgraphs: federatedSubgraphsFrom(parsed.SUBGRAPHS),
    workers: workerCountFrom(parsed.GATEWAY_WORKERS, 'GATEWAY_WORKERS'),
    ...registerCalls,
    playground: parsed.PLAYGROUND === '' ? parsed.NODE_ENV !== 'production' : parsed.PLAYGROUND === 'on',
    dashboard: parsed.DASHBOARD === '' ? parsed.NODE_ENV !== 'production' : parsed.DASHBOARD === 'on',
    introspection: parsed.INTROSPECTION === '' ? parsed.NODE_ENV !== 'production' : parsed.INTROSPECTION === 'on',
    corsOrigins: Object.freeze([...parsed.CORS_ORIGINS]),
    limits: API_LIMITS,
    indexUrl: storeUrls.index,
    indexReplicaUrls: storeReplicaUrlsFrom(['index'], parsed, storeUrls).index,
    tokenSource: tokenSourceFrom(parsed),
    signingSecret: parsed.PRINCIPAL_SIGNING_SECRET,
    subgraphKeys: subgraphKeysFrom(SUBGRAPH_NAMES, parsed),
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    lookupMissesPerHour: wholeNumber(parsed.LOOKUP_MISSES_PER_HOUR, 'LOOKUP_MISSES_PER_HOUR', 1),
    concurrency: concurrencyFrom(parsed, registerCalls.resilience.requestDeadlineMs),
    bodyTimeoutMs: wholeNumber(parsed.REQUEST_BODY_TIMEOUT_MS, 'REQUEST_BODY_TIMEOUT_MS', 1),
    ...(parsed.DTSEN_URL === '' ? {} : { dtsenUrl: dtsenUrlFrom(parsed.DTSEN_URL) }),
    sharedState: sharedStateFrom(parsed),
    trustedDocuments: trustedDocumentModesFrom(parsed.TRUSTED_DOCUMENTS),
  });
}

/** `SUBGRAPHS`: names of the registry, each once, returned in the registry's order; empty: every subgraph. Throws naming the variable. */
export function federatedSubgraphsFrom(value: string): readonly string[] {
  const listed = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (listed.length === 0) return Object.freeze([...SUBGRAPH_NAMES]);
  const usage = `SUBGRAPHS must be comma-separated names of subgraphs/registry.ts (${SUBGRAPH_NAMES.join(', ')}), each once`;
  const unknown = listed.filter((name) => !SUBGRAPH_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`${usage}: ${unknown.map((name) => `"${name}"`).join(', ')} is not`);
  if (new Set(listed).size !== listed.length) throw new Error(`${usage}: "${value}" names one twice`);
  return Object.freeze(SUBGRAPH_NAMES.filter((name) => listed.includes(name)));
}

function concurrencyFrom(
  parsed: { MAX_CONCURRENT_REQUESTS: number; MAX_QUEUED_REQUESTS: number; MAX_CONCURRENT_PER_PRINCIPAL: number | undefined },
  requestDeadlineMs: number,
): ConcurrencyLimitSettings {
  const maxConcurrent = wholeNumber(parsed.MAX_CONCURRENT_REQUESTS, 'MAX_CONCURRENT_REQUESTS', 1);
  return Object.freeze({
    maxConcurrent,
    // Half: one caller, however busy, leaves the other half of the slots to everyone else.
    maxConcurrentPerPrincipal:
      parsed.MAX_CONCURRENT_PER_PRINCIPAL === undefined
        ? Math.ceil(maxConcurrent / 2)
        : wholeNumber(parsed.MAX_CONCURRENT_PER_PRINCIPAL, 'MAX_CONCURRENT_PER_PRINCIPAL', 1),
    maxQueued: wholeNumber(parsed.MAX_QUEUED_REQUESTS, 'MAX_QUEUED_REQUESTS', 0),
    // A request that waited out the deadline of its own subgraph calls would have no time left to run them.
    maxWaitMs: requestDeadlineMs,
  });
}

function dtsenUrlFrom(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new Error('DTSEN_URL must be an http(s) URL such as http://localhost:4004/graphql');
}

function sharedStateFrom(parsed: { REDIS_URL: string; REDIS_KEY_PREFIX: string }): SharedStateSettings | null {
  if (parsed.REDIS_URL === '') return null;
  let url: URL | undefined;
  try {
    url = new URL(parsed.REDIS_URL);
  } catch {
    url = undefined;
  }
  // The message names the variable but never repeats the value: it may hold a password.
  if (url === undefined || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '') {
    throw new Error('REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379');
  }
  if (parsed.REDIS_KEY_PREFIX === '') throw new Error('REDIS_KEY_PREFIX must not be empty');
  return Object.freeze({ redisUrl: parsed.REDIS_URL, keyPrefix: parsed.REDIS_KEY_PREFIX });
}

function tokenSourceFrom(
  parsed: { AUTH_JWT_SECRET: string; AUTH_JWKS_URL: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string } & Parameters<typeof maxTokenLifetimeSecondsFrom>[0],
): TokenSource {
  const { AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = parsed;
  const maxLifetimeSeconds = maxTokenLifetimeSecondsFrom(parsed);
  if ((secret === '') === (jwksUrl === '')) throw new Error('Set exactly one of AUTH_JWT_SECRET (local tokens) and AUTH_JWKS_URL (an identity provider)');
  if (secret !== '') {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return Object.freeze({ kind: 'secret', secret, issuer: issuer || LOCAL_ISSUER, audience, maxLifetimeSeconds });
  }
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new Error('AUTH_JWKS_URL must be an https URL');
  }
  if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') throw new Error('AUTH_JWKS_URL must be an https URL');
  if (issuer === '') throw new Error('AUTH_ISSUER is required with AUTH_JWKS_URL');
  return Object.freeze({ kind: 'jwks', jwksUrl, issuer, audience, maxLifetimeSeconds });
}
