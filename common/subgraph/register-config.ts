import { cleanEnv, port, str } from 'envalid';
import { mysqlServerUrl, reportConfigErrors, storeUrl } from '../config';
import { resolveStoreUrl, type Register } from '../store-url';

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
  const overrideVariable = `${prefix}_DATABASE_URL`;
  const cleaned = cleanEnv(
    env,
    {
      MYSQL_URL: mysqlServerUrl({ default: undefined }),
      [overrideVariable]: storeUrl({ default: undefined }),
      DATA_DIR: str({ default: 'data' }),
      [portVariable]: port({ default: DEFAULT_PORTS[register] }),
    },
    { reporter: reportConfigErrors },
  ) as Readonly<Record<string, string | number | undefined>>;
  return Object.freeze({
    port: cleaned[portVariable] as number,
    storeUrl: resolveStoreUrl(register, {
      mysqlUrl: cleaned['MYSQL_URL'] as string | undefined,
      overrideUrl: cleaned[overrideVariable] as string | undefined,
      dataDir: cleaned['DATA_DIR'] as string,
    }),
  });
}
