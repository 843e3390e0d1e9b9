import { cleanEnv, num, port, str } from 'envalid';
import { ensureLocalSecrets, type LocalSecrets } from '../../common/auth/local-secrets';
import { reportConfigErrors } from '../../common/config';

export interface StartConfig {
  readonly families: number;
  readonly seed: number;
  readonly ports: { readonly gateway: number; readonly dtks: number; readonly regsosek: number; readonly p3ke: number };
  /** Where npm start keeps its local secrets (and SQLite stores). */
  readonly dataDir: string;
}

export function loadStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const parsed = cleanEnv(
    env,
    {
      START_FAMILIES: num({ default: 5000, desc: 'Families generated on first start' }),
      START_SEED: num({ default: 1, desc: 'Seed of the generated data' }),
      PORT: port({ default: 4000 }),
      DTKS_PORT: port({ default: 4001 }),
      REGSOSEK_PORT: port({ default: 4002 }),
      P3KE_PORT: port({ default: 4003 }),
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
    ports: Object.freeze({
      gateway: parsed.PORT,
      dtks: parsed.DTKS_PORT,
      regsosek: parsed.REGSOSEK_PORT,
      p3ke: parsed.P3KE_PORT,
    }),
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
    DTKS_URL: env['DTKS_URL'] ?? `http://localhost:${config.ports.dtks}/graphql`,
    REGSOSEK_URL: env['REGSOSEK_URL'] ?? `http://localhost:${config.ports.regsosek}/graphql`,
    P3KE_URL: env['P3KE_URL'] ?? `http://localhost:${config.ports.p3ke}/graphql`,
  };
}
