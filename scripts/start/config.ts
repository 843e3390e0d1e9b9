import { cleanEnv, num, port, str } from 'envalid';
import { ensureLocalSecrets, type LocalSecrets } from '../../common/auth/local-secrets';
import { reportConfigErrors } from '../../common/config';
import type { SubgraphAddress } from '../../common/subgraph/descriptor';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry';

export interface StartConfig {
  readonly families: number;
  readonly seed: number;
  /** The gateway's port (`PORT`). */
  readonly gatewayPort: number;
  /** Each subgraph started as its own process, by name, with its port (`<NAME>_PORT`, default its descriptor's). */
  readonly subgraphPorts: Readonly<Record<string, number>>;
  /** Where npm start keeps its local secrets (and SQLite stores). */
  readonly dataDir: string;
}

/** The subgraphs `npm start` runs as processes: all but dtsen, which runs in the gateway's process. */
export const STARTED_SUBGRAPHS: readonly SubgraphAddress[] = SUBGRAPH_REGISTRY.filter((subgraph) => subgraph.name !== 'dtsen');

const portVariable = (subgraph: SubgraphAddress) => `${subgraph.name.toUpperCase()}_PORT`;

export function loadStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const parsed = cleanEnv(
    env,
    {
      START_FAMILIES: num({ default: 5000, desc: 'Families generated on first start' }),
      START_SEED: num({ default: 1, desc: 'Seed of the generated data' }),
      PORT: port({ default: 4000 }),
      ...Object.fromEntries(STARTED_SUBGRAPHS.map((subgraph) => [portVariable(subgraph), port({ default: subgraph.defaultPort })])),
      DATA_DIR: str({ default: 'data' }),
    },
    { reporter: reportConfigErrors },
  );
  if (!Number.isInteger(parsed.START_FAMILIES) || parsed.START_FAMILIES < 1) {
    throw new Error('START_FAMILIES must be a positive whole number');
  }
  return Object.freeze({
    families: parsed.START_FAMILIES,
    dataDir: parsed.DATA_DIR,
    seed: parsed.START_SEED,
    gatewayPort: parsed.PORT,
    subgraphPorts: Object.freeze(
      Object.fromEntries(STARTED_SUBGRAPHS.map((subgraph) => [subgraph.name, (parsed as unknown as Readonly<Record<string, number>>)[portVariable(subgraph)] as number])),
    ),
  });
}

/**
 * The token and signing secrets of this run: the caller's when set (an identity provider's JWKS, or
 * its own keys), else the data folder's local ones, made on first start.
 */
export function runSecrets(config: StartConfig, env: NodeJS.ProcessEnv = process.env): Partial<LocalSecrets> {
  if (env['AUTH_JWKS_URL'] || (env['AUTH_JWT_SECRET'] && env['PRINCIPAL_SIGNING_SECRET'])) return {};
  const local = ensureLocalSecrets(config.dataDir);
  return {
    ...(env['AUTH_JWT_SECRET'] ? {} : { AUTH_JWT_SECRET: local.AUTH_JWT_SECRET }),
    ...(env['PRINCIPAL_SIGNING_SECRET'] ? {} : { PRINCIPAL_SIGNING_SECRET: local.PRINCIPAL_SIGNING_SECRET }),
  };
}

/** The environment the child processes run with: the caller's, plus what ties them together. */
export function childEnvironment(config: StartConfig, secrets: Partial<LocalSecrets>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    ...secrets,
    APOLLO_TELEMETRY_DISABLED: '1',
    // A line per request of every service would scroll the tokens away while the index fills; LOG_LEVEL=info shows them.
    LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn',
    ...Object.fromEntries(
      Object.entries(config.subgraphPorts).map(([name, subgraphPort]) => {
        const variable = `${name.toUpperCase()}_URL`;
        return [variable, env[variable] ?? `http://localhost:${subgraphPort}/graphql`];
      }),
    ),
  };
}
