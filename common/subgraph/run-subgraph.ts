import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { closeStore } from '../store/open-store';
import type { Register } from '../store-url';
import type { SubgraphApp } from './create-subgraph-app';
import type { RegisterSubgraphConfig } from './register-config';

export interface SubgraphMain<Repository> {
  readonly register: Register;
  readonly loadConfig: () => RegisterSubgraphConfig;
  readonly openStore: (url: string) => Promise<DataSource>;
  readonly createRepository: (dataSource: DataSource) => Repository;
  readonly buildApp: (dependencies: { repository: Repository }) => Promise<SubgraphApp>;
}

/** Time given to in-flight requests on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The body of every source subgraph's main.ts: configuration, store, app, listen, and a clean
 * exit on SIGINT/SIGTERM. Exits 1 naming the problem when it cannot start.
 */
export function runSubgraph<Repository>(main: SubgraphMain<Repository>): void {
  start(main).catch((error: unknown) => {
    console.error(`${main.register} subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

async function start<Repository>(main: SubgraphMain<Repository>): Promise<void> {
  const config = main.loadConfig();
  const store = await main.openStore(config.storeUrl);
  const { app, stop } = await main.buildApp({ repository: main.createRepository(store) });
  const server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  console.log(`${main.register} subgraph ready at http://localhost:${port}/graphql`);

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await stop();
    await closeStore(store);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
