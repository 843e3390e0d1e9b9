import { cleanEnv, port } from 'envalid';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../config';
import type { Register } from '../store-url';

export interface RegisterSubgraphConfig {
  readonly port: number;
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly storeUrl: string;
}

const DEFAULT_PORTS: Readonly<Record<Register, number>> = { dtks: 4001, regsosek: 4002, p3ke: 4003 };

/**
 * A source subgraph's configuration: `<REGISTER>_PORT`, and its store from
 * `<REGISTER>_DATABASE_URL`, else `MYSQL_URL`, else a SQLite file in `DATA_DIR`. Throws naming
 * every bad variable.
 */
export function loadRegisterConfig(register: Register, env: NodeJS.ProcessEnv): RegisterSubgraphConfig {
  const prefix = register.toUpperCase();
  const portVariable = `${prefix}_PORT`;
  const cleaned = cleanEnv(
    env,
    {
      ...storeLocationSpecs([register]),
      [portVariable]: port({ default: DEFAULT_PORTS[register] }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    port: (cleaned as unknown as Readonly<Record<string, number>>)[portVariable] as number,
    storeUrl: storeUrlsFrom([register], cleaned)[register],
  });
}
