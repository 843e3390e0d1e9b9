import { serveUntilSignalled } from '../common/serve';
import { loadGatewayConfig } from './config';
import { buildGateway } from './server';
import { readSupergraphSdl } from './supergraph/subgraphs';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const gateway = await buildGateway({ ...config, supergraphSdl: readSupergraphSdl() });
  await serveUntilSignalled({ name: 'DTSEN gateway', app: gateway.app, port: config.port, release: gateway.stop });
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
