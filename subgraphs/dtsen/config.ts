import { cleanEnv, port } from 'envalid';
import { signingSecret } from '../../common/auth/signing-secret';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../../common/config';
import { REGISTER_CALL_SPECS, registerCallsFrom, type RegisterCallSettings } from '../../subgraph-calls/register-call-settings';

/** The dtsen subgraph as its own HTTP service (subgraphs/dtsen/main.ts); the gateway reaches it at DTSEN_URL. */
export interface DtsenServiceConfig extends RegisterCallSettings {
  readonly port: number;
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
  return Object.freeze({
    port: parsed.DTSEN_PORT,
    ...registerCallsFrom(parsed, today),
    indexUrl: storeUrlsFrom(['index'], parsed).index,
    signingSecret: parsed.PRINCIPAL_SIGNING_SECRET,
  });
}
