import { cleanEnv, port } from 'envalid';
import { signingSecret } from '../../common/auth/signing-secret';
import { parseIsoDate, reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../../common/config';
import type { Register } from '../../common/store-url';
import { REGISTER_CALL_SPECS, resilienceFrom } from '../config';
import type { ResilienceSettings } from '../resilience/subgraph-policy';

/** The dtsen subgraph as its own HTTP service (gateway/dtsen/main.ts); the gateway reaches it at DTSEN_URL. */
export interface DtsenServiceConfig {
  readonly port: number;
  /** The register subgraphs its directory asks whether they hold a family or person. */
  readonly subgraphUrls: Readonly<Record<Register, string>>;
  readonly subgraphTimeoutMs: number;
  readonly resilience: ResilienceSettings;
  readonly ruleSetVersion: string;
  /** Date ages and benefits are computed at, midnight UTC. */
  readonly evaluationDate: Date;
  /** The resolution index `households` and `statistics` read; holds credentials, never log it. */
  readonly indexUrl: string;
  /** Verifies the gateway's signed principal and signs the directory's register calls with it. Never log it. */
  readonly signingSecret: string;
}

export function loadDtsenServiceConfig(env: NodeJS.ProcessEnv = process.env, today = new Date()): DtsenServiceConfig {
  const parsed = cleanEnv(
    env,
    {
      DTSEN_PORT: port({ default: 4004, desc: 'Port of the dtsen subgraph service' }),
      ...REGISTER_CALL_SPECS,
      ...storeLocationSpecs(['index']),
      PRINCIPAL_SIGNING_SECRET: signingSecret({ desc: 'required: the key the gateway signs principals with' }),
    },
    { reporter: reportConfigErrors },
  );
  if (parsed.SUBGRAPH_TIMEOUT_MS <= 0) throw new Error('SUBGRAPH_TIMEOUT_MS must be a positive number of milliseconds');
  return Object.freeze({
    port: parsed.DTSEN_PORT,
    subgraphUrls: Object.freeze({ dtks: parsed.DTKS_URL, regsosek: parsed.REGSOSEK_URL, p3ke: parsed.P3KE_URL }),
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    resilience: resilienceFrom(parsed),
    ruleSetVersion: parsed.RULE_SET,
    evaluationDate: parseIsoDate(parsed.EVALUATION_DATE, 'EVALUATION_DATE', today),
    indexUrl: storeUrlsFrom(['index'], parsed).index,
    signingSecret: parsed.PRINCIPAL_SIGNING_SECRET,
  });
}
