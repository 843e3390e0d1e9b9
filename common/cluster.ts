import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { exitOnStartFailure, type Logger } from './logging/logger';

/** `GATEWAY_WORKERS`-style settings: a whole number of at least 1, or `auto` for one per CPU. */
export function workerCountFrom(value: string, name: string): number {
  if (value === 'auto') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${name} must be a whole number of at least 1, or auto`);
  return count;
}

/**
 * Runs `serve` (which listens and handles its own signals, as serveUntilSignalled does) in one
 * process, or in `workers` node:cluster workers sharing the listening port, so one service uses
 * every core. The primary starts a worker again when one dies after it listened, forwards SIGINT and
 * SIGTERM, waits for every worker to drain and exits 0, or 1 when a worker failed to start.
 */
export function serveInWorkers(workers: number, serve: () => Promise<void>, logger: Logger, what: string): void {
  if (workers <= 1 || cluster.isWorker) {
    serve().catch((error: unknown) => exitOnStartFailure(logger, what, error));
    return;
  }
  let stopping = false;
  let failed = false;
  const serving = new WeakSet<Worker>();
  const start = () => cluster.fork();
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on('listening', (worker) => serving.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      // One that never listened failed to start, and so would the next: starting it again would loop.
      if (!serving.has(worker)) {
        failed = true;
        logger.error(`a worker failed to start (exit ${code ?? signal}); stopping the others`);
        stop('SIGTERM');
      } else {
        logger.warn(`worker ${worker.process.pid} exited (${code ?? signal}); starting another`);
        start();
        return;
      }
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  for (let index = 0; index < workers; index += 1) start();
}
