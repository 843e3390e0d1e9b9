import { cleanEnv, port } from 'envalid';
import { signingSecret } from '../auth/signing-secret';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../config';
import type { Register } from '../store-url';

export interface RegisterSubgraphConfig {
  readonly port: number;
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly storeUrl: string;
  /** The key the gateway signs principals with; never log it. */
  readonly signingSecret: string;
}

const DEFAULT_PORTS: Readonly<Record<Register, number>> = { dtks: 4001, regsosek: 4002, p3ke: 4003 };

/**
 * A source subgraph's configuration: `<REGISTER>_PORT`, its store from `<REGISTER>_DATABASE_URL`,
 * else `MYSQL_URL`, else a SQLite file in `DATA_DIR`, and the required `PRINCIPAL_SIGNING_SECRET`.
 * Throws naming every bad variable.
 */
export function loadRegisterConfig(register: Register, env: NodeJS.ProcessEnv): RegisterSubgraphConfig {
  const prefix = register.toUpperCase();
  const portVariable = `${prefix}_PORT`;
  const cleaned = cleanEnv(
    env,
    {
      ...storeLocationSpecs([register]),
      [portVariable]: port({ default: DEFAULT_PORTS[register] }),
      PRINCIPAL_SIGNING_SECRET: signingSecret({ desc: 'required: the key the gateway signs principals with' }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    port: (cleaned as unknown as Readonly<Record<string, number>>)[portVariable] as number,
    storeUrl: storeUrlsFrom([register], cleaned)[register],
    signingSecret: cleaned.PRINCIPAL_SIGNING_SECRET,
  });
}
