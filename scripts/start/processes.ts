import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.join(__dirname, '..', '..');

export interface ServiceSpec {
  readonly name: string;
  /** Entry point, relative to the repository root. */
  readonly entry: string;
  /** Its arguments, e.g. the subgraph's name for subgraphs/main.ts. */
  readonly args?: readonly string[];
  /** Base URL of the service, for its health check. */
  readonly url: string;
}

export interface RunningService {
  readonly spec: ServiceSpec;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/**
 * Starts one process (TypeScript through tsx), its output prefixed with its name. `nodeArgs` go to
 * node itself, e.g. `--cpu-prof`, which NODE_OPTIONS does not accept. `root` is the checkout whose
 * entry point, modules and tsx it runs: a bench compares this one with another (`git archive`).
 */
export function startService(spec: ServiceSpec, env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = [], root = ROOT): RunningService {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, spec.entry), ...(spec.args ?? [])], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${spec.name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { spec, child, exited };
}

/** Resolves once `GET <url>/health/ready` answers 200; rejects when the process dies or time runs out. */
export async function waitUntilReady(service: RunningService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void service.exited.then(() => {
    dead = true;
  });
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${service.spec.name} exited before it was ready`);
    try {
      const response = await fetch(`${service.spec.url}/health/ready`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`${service.spec.name} was not ready within ${timeoutMs / 1000} s`);
}

/** SIGTERM to every process still running; resolves when all have exited. */
export async function stopAll(services: readonly RunningService[]): Promise<void> {
  for (const { child } of services) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  await Promise.all(services.map((service) => service.exited));
}
