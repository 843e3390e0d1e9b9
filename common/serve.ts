import type { Express } from 'express';
import type { AddressInfo } from 'node:net';

/** Time given to in-flight requests on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface ServeOptions {
  /** Names the process in its ready line. */
  readonly name: string;
  readonly app: Express;
  readonly port: number;
  /** Releases what the app holds (GraphQL server, stores) once the HTTP server has closed. */
  readonly release: () => Promise<void>;
}

/**
 * The tail of every main.ts: listen, print the ready line, and on SIGINT/SIGTERM stop accepting,
 * let in-flight requests finish, release resources and exit 0 (or 1 after the grace period).
 */
export async function serveUntilSignalled(options: ServeOptions): Promise<void> {
  const server = options.app.listen(options.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  console.log(`${options.name} ready at http://localhost:${port}/graphql`);

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await options.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
