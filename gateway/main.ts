import { once } from 'node:events';
import { loadGatewayConfig } from './config';
import { buildGateway } from './server';
import { readSupergraphSdl } from './supergraph/subgraphs';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const gateway = await buildGateway({ ...config, supergraphSdl: readSupergraphSdl() });
  const server = gateway.app.listen(config.port);
  await once(server, 'listening');
  console.log(`DTSEN gateway ready at http://localhost:${config.port}/graphql`);

  const shutdown = async () => {
    server.close();
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
