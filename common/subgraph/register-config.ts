import { cleanEnv, port } from 'envalid';
import { signingSecret } from '../auth/signing-secret';
import { reportConfigErrors, storeLocationSpecs, storeReplicaSpecs, storeReplicaUrlsFrom, storeUrlsFrom } from '../config';
import type { Register } from '../store-url';

export interface RegisterSubgraphConfig {
  readonly port: number;
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly storeUrl: string;
  /** Read replicas of a MySQL store (`mysql://…/db`), empty without; hold credentials too. */
  readonly storeReplicaUrls: readonly string[];
  /** The key the gateway signs principals with; never log it. */
  readonly signingSecret: string;
}

const DEFAULT_PORTS: Readonly<Record<Register, number>> = { dtks: 4001, regsosek: 4002, p3ke: 4003 };

/**
 * A source subgraph's configuration: `<REGISTER>_PORT`, its store from `<REGISTER>_DATABASE_URL`,
 * else `MYSQL_URL`, else a SQLite file in `DATA_DIR`, its read replicas from
 * `<REGISTER>_DATABASE_REPLICA_URLS`, and the required `PRINCIPAL_SIGNING_SECRET`.
 * Throws naming every bad variable.
 */
export function loadRegisterConfig(register: Register, env: NodeJS.ProcessEnv): RegisterSubgraphConfig {
  const prefix = register.toUpperCase();
  const portVariable = `${prefix}_PORT`;
  const cleaned = cleanEnv(
    env,
    {
      ...storeLocationSpecs([register]),
      ...storeReplicaSpecs([register]),
      [portVariable]: port({ default: DEFAULT_PORTS[register] }),
      PRINCIPAL_SIGNING_SECRET: signingSecret({ desc: 'required: the key the gateway signs principals with' }),
    },
    { reporter: reportConfigErrors },
  );
  const storeUrls = storeUrlsFrom([register], cleaned);
  return Object.freeze({
    port: (cleaned as unknown as Readonly<Record<string, number>>)[portVariable] as number,
    storeUrl: storeUrls[register],
    storeReplicaUrls: storeReplicaUrlsFrom([register], cleaned, storeUrls)[register],
    signingSecret: cleaned.PRINCIPAL_SIGNING_SECRET,
  });
}
