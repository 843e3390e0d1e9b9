import { cleanEnv, num, port } from 'envalid';
import { reportConfigErrors } from '../../common/config';

export interface StartConfig {
  readonly families: number;
  readonly seed: number;
  readonly ports: { readonly gateway: number; readonly dtks: number; readonly regsosek: number; readonly p3ke: number };
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
    },
    { reporter: reportConfigErrors },
  );
  if (!Number.isInteger(parsed.START_FAMILIES) || parsed.START_FAMILIES < 1) {
    throw new Error('START_FAMILIES must be a positive whole number');
  }
  return Object.freeze({
    families: parsed.START_FAMILIES,
    seed: parsed.START_SEED,
    ports: Object.freeze({
      gateway: parsed.PORT,
      dtks: parsed.DTKS_PORT,
      regsosek: parsed.REGSOSEK_PORT,
      p3ke: parsed.P3KE_PORT,
    }),
  });
}

/** The environment the child processes run with: the caller's, plus what ties them together. */
export function childEnvironment(config: StartConfig, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    APOLLO_TELEMETRY_DISABLED: '1',
    DTKS_URL: env['DTKS_URL'] ?? `http://localhost:${config.ports.dtks}/graphql`,
    REGSOSEK_URL: env['REGSOSEK_URL'] ?? `http://localhost:${config.ports.regsosek}/graphql`,
    P3KE_URL: env['P3KE_URL'] ?? `http://localhost:${config.ports.p3ke}/graphql`,
  };
}
