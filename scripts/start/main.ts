// `npm start`: seeds the stores on first start, then runs every subgraph of subgraphs/registry.ts
// (dtsen in the gateway's process) and the gateway as separate processes, as in production, until Ctrl-C.
import { loadResolutionConfig } from '../../resolution/config';
import { resolveWhenIncomplete } from '../../resolution/startup';
import { resolutionSummary } from '../../resolution/summary';
import { loadSeedConfig } from '../../seed/config';
import { progressReporter, seedSummary } from '../../seed/progress';
import { seedStores, storesHaveData } from '../../seed/seed';
import { ROLES } from '../../common/auth/principal';
import { loadLocalTokenSecret } from '../../gateway/auth/local-token-config';
import { localRoleToken } from '../../gateway/auth/role-tokens';
import { indexerToken } from '../../resolution/config';
import { childEnvironment, loadStartConfig, runSecrets } from './config';
import { startService, stopAll, waitUntilReady, type RunningService } from './processes';

const READY_TIMEOUT_MS = 60_000;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadStartConfig();
  const seedConfig = loadSeedConfig();

  if (await storesHaveData(seedConfig.stores)) {
    console.log('Using the data already in the stores (remove data/ to generate it again)');
  } else {
    console.log(`First start: generating ${config.families} Jakarta families (seed ${config.seed})`);
    const progress = progressReporter();
    const report = await seedStores({
      families: config.families,
      seed: config.seed,
      evaluationDate: seedConfig.evaluationDate,
      stores: seedConfig.stores,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    console.log(seedSummary(report));
  }

  const env = childEnvironment(config, runSecrets(config));
  const subgraphs: RunningService[] = Object.entries(config.subgraphPorts).map(([name, subgraphPort]) =>
    startService({ name, entry: 'subgraphs/main.ts', args: [name], url: `http://localhost:${subgraphPort}` }, env),
  );
  const services = [...subgraphs];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopAll(services);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    await Promise.all(subgraphs.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
    const gateway = startService({ name: 'gateway', entry: 'gateway/main.ts', url: `http://localhost:${config.gatewayPort}` }, env);
    services.push(gateway);
    await waitUntilReady(gateway, READY_TIMEOUT_MS);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
    return;
  }
  for (const service of services) {
    void service.exited.then((code) => {
      if (!stopping) {
        console.error(`${service.spec.name} exited (code ${code}); stopping everything`);
        void stop(1);
      }
    });
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nDTSEN is up after ${seconds} s. Open http://localhost:${config.gatewayPort}/graphql (Ctrl-C stops everything)\n`);
  await printRoleTokens(env);
  await resolveIndex(`http://localhost:${config.gatewayPort}/graphql`, env);
}

/**
 * Fills the resolution index while the system already serves, when it has no complete run (first
 * start, or an interrupted run). A failure is a warning: the live API does not need the index.
 */
async function resolveIndex(gatewayUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const progress = progressReporter('resolving', 'families');
  try {
    const config = loadResolutionConfig(env);
    const summary = await resolveWhenIncomplete({
      indexUrl: config.indexUrl,
      gatewayUrl,
      gatewayToken: await indexerToken(config, env),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    if (summary) console.log(resolutionSummary(summary));
  } catch (error) {
    progress.stop();
    console.warn(`warning: the resolution index was not filled (${error instanceof Error ? error.message : String(error)}); run npm run resolve`);
  }
}

/**
 * One local token per role, to paste into the playground's Headers tab as
 * {"Authorization": "Bearer …"}. Not printed when tokens come from an identity provider.
 */
async function printRoleTokens(env: NodeJS.ProcessEnv): Promise<void> {
  if (env['AUTH_JWKS_URL']) return;
  const secret = loadLocalTokenSecret(env);
  console.log('Tokens for 12 hours (paste into the playground Headers tab as {"Authorization": "Bearer <token>"}; npm run token makes more):');
  for (const role of ROLES.filter((name) => name !== 'indexer')) {
    console.log(`  ${role.padEnd(10)} ${await localRoleToken(secret, { role })}`);
  }
  console.log('');
}

main().catch((error: unknown) => {
  console.error(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
