import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './main-process';

const START_TIMEOUT_MS = 10_000;
/** What redis-server prints once it accepts connections (Redis 5 to 7). */
const READY = 'Ready to accept connections';

export interface PrivateRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops the server and deletes its directory. */
  remove(): Promise<void>;
}

/** Thrown when redis-server is not on PATH, so callers can name what is missing. */
export class RedisServerMissing extends Error {}

/**
 * A redis-server of this test file's own: a free port, its own directory, nothing persisted (the
 * tests' keys die with it), so tests need no Redis on the machine and never touch a shared one.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dtsen-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not accept connections within ${START_TIMEOUT_MS} ms:\n${log}`)), START_TIMEOUT_MS);
    const settle = (error?: Error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(READY)) settle();
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ENOENT' ? new RedisServerMissing('redis-server is not on PATH') : error),
    );
    child.once('exit', (code) => settle(new Error(`redis-server exited at start (${code}):\n${log}`)));
  });
  const remove = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await remove();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, remove };
}
