/**
 * What every process a bench starts is given: production mode, warnings only (the services' request
 * lines would be piped through the bench's process on the cores being measured), no telemetry
 * leaving the machine, and the stores' URLs.
 */
export function benchProcessEnv(storesEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    APOLLO_TELEMETRY_DISABLED: '1',
    ...storesEnv,
  };
}
