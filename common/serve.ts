import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopTracing } from './telemetry/tracing';
import type { Logger } from './logging/logger';

/** Time given to in-flight requests on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often keep-alive connections that went idle are closed while draining. */
const IDLE_SWEEP_MS = 100;

export interface ServeOptions {
  /** Names the process in its ready line. */
  readonly name: string;
  /** What answers the requests: an Express app, or any other Node request listener (bench/hive's Hive Gateway). */
  readonly app: (req: IncomingMessage, res: ServerResponse) => unknown;
  readonly port: number;
  /** Releases what the app holds (GraphQL server, stores) once the HTTP server has closed. */
  readonly release: () => Promise<void>;
  /** Node's headersTimeout and requestTimeout (time to receive the headers, and the whole request); default: Node's, 60 s and 300 s. */
  readonly receiveTimeouts?: { readonly headersMs: number; readonly requestMs: number };
  /** Where the ready line and the shutdown go. */
  readonly logger: Logger;
}

/** How often Node looks for connections past their receive timeouts (Node's default, 30 s, would add up to that much to each). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Requests that arrive during shutdown (on a kept-alive connection): refused, and the connection closed after. */
function refuse(res: ServerResponse): void {
  res.shouldKeepAlive = false;
  res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' });
  res.end(JSON.stringify({ status: 'shutting down' }));
}

/**
 * The tail of every main.ts: listen, print the ready line, and on SIGINT/SIGTERM stop accepting
 * connections, answer 503 (connection: close) to requests that still come on open connections,
 * let in-flight requests finish, close every keep-alive connection, release resources and exit 0
 * (or 1 after the grace period). `/health/ready` answers 503 from the signal on, like every route.
 */
export async function serveUntilSignalled(options: ServeOptions): Promise<void> {
  let stopping = false;
  const timeouts = options.receiveTimeouts && {
    headersTimeout: options.receiveTimeouts.headersMs,
    requestTimeout: options.receiveTimeouts.requestMs,
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
  };
  const server = createServer(timeouts ?? {}, (req: IncomingMessage, res: ServerResponse) => {
    if (stopping) {
      refuse(res);
      return;
    }
    void options.app(req, res);
  });
  server.listen(options.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  options.logger.info(`${options.name} ready at http://localhost:${port}/graphql`);

  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    options.logger.info(`${options.name} stopping: finishing the requests in flight`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A connection whose in-flight response has been sent goes idle and is closed here.
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.closeIdleConnections();
    await closed;
    clearInterval(sweep);
    await options.release();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
