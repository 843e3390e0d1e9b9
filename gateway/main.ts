import { serveUntilSignalled } from '../common/serve';
import { closeStore } from '../common/store/open-store';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { openIndexStore } from '../resolution/store';
import { loadGatewayConfig } from './config';
import { buildGateway } from './server';
import { readSupergraphSdl } from './supergraph/subgraphs';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  // Opening migrates the index, so households and statistics answer (empty, with a warning) before any run.
  const indexStore = await openIndexStore(config.indexUrl);
  const gateway = await buildGateway({ ...config, supergraphSdl: readSupergraphSdl(), index: createIndexQueryRepository(indexStore) });
  await serveUntilSignalled({
    name: 'DTSEN gateway',
    app: gateway.app,
    port: config.port,
    release: async () => {
      await gateway.stop();
      await closeStore(indexStore);
    },
  });
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
