import path from 'node:path';
import { REGISTERS, type Register } from '../common/store-url';

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

/** The registers' ports, one after another from `first`, in REGISTERS' order. */
export function consecutiveRegisterPorts(first: number): Record<Register, number> {
  return Object.fromEntries(REGISTERS.map((register, position) => [register, first + position])) as Record<Register, number>;
}

/** Each register's port, for its process, and its GraphQL URL, for the gateway's. */
export function registerAddresses(ports: Readonly<Record<Register, number>>): NodeJS.ProcessEnv {
  return Object.fromEntries(REGISTERS.flatMap((register) => [
    [`${register.toUpperCase()}_PORT`, String(ports[register])],
    [`${register.toUpperCase()}_URL`, `http://127.0.0.1:${ports[register]}/graphql`],
  ]));
}

/** Node's arguments for a process named `name`: with `--cpu-prof DIR`, a CPU profile written into DIR when it stops. */
export function cpuProfileArgs(dir: string | undefined): (name: string) => string[] {
  const profileDir = dir === undefined ? null : path.resolve(dir);
  return (name) => (profileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.${Date.now()}.cpuprofile`]);
}
