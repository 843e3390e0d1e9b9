import './source-maps-off';
import { loadLoggingConfig } from '../../common/logging/config';
import { createLogger, exitOnStartFailure } from '../../common/logging/logger';
import { serveUntilSignalled } from '../../common/serve';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { loadHiveGatewayConfig } from './config';
import { buildHiveGateway } from './server';

const logger = createLogger(loadLoggingConfig(), 'hive');

async function main(): Promise<void> {
  const config = loadHiveGatewayConfig();
  const gateway = buildHiveGateway({ ...config, supergraphSdl: readSupergraphSdl() });
  // Loads and plans against the supergraph now, so a supergraph Hive cannot read fails the start.
  await gateway.getSchema();
  await serveUntilSignalled({
    logger,
    name: 'Hive Gateway',
    app: gateway,
    port: config.port,
    release: async () => {
      await gateway.dispose();
    },
  });
}

main().catch((error: unknown) => exitOnStartFailure(logger, 'Hive Gateway', error));
