import { serveUntilSignalled } from '../../common/serve';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { loadHiveGatewayConfig } from './config';
import { buildHiveGateway } from './server';

async function main(): Promise<void> {
  const config = loadHiveGatewayConfig();
  const gateway = buildHiveGateway({ ...config, supergraphSdl: readSupergraphSdl() });
  // Loads and plans against the supergraph now, so a supergraph Hive cannot read fails the start.
  await gateway.getSchema();
  await serveUntilSignalled({
    name: 'Hive Gateway',
    app: gateway,
    port: config.port,
    release: async () => {
      await gateway.dispose();
    },
  });
}

main().catch((error: unknown) => {
  console.error(`Hive Gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
