import { signingKeysOf } from '../../common/auth/subgraph-keys';
import type { Principal } from '../../common/auth/principal';
import type { RequestLogging } from '../../common/logging/http-logging';
import { silentLogger, type Logger } from '../../common/logging/logger';
import { createServiceMetrics, type ServiceMetrics } from '../../common/metrics/service-metrics';
import { createSubgraphApp, type SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { REGISTERS } from '../../common/store-url';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import { indexWarningPlugin } from './index-warning-plugin';
import { createRegisterAccess } from '../../subgraph-calls/register-access';
import { createSubgraphMetrics } from '../../subgraph-calls/subgraph-metrics';
import { createSubgraphPolicies, type ResilienceSettings } from '../../subgraph-calls/subgraph-policy';
import { createDtsenContext, type DtsenContext } from './context';
import { dtsenDependencies } from './dependencies';
import { buildDtsenSchema } from './schema';
import { unaskedRegistersPlugin } from './unasked-registers';

export interface DtsenServiceOptions {
  /** The registers' URLs, by name. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly resilience: ResilienceSettings;
  readonly ruleSetVersion: string;
  readonly evaluationDate: Date;
  /** The resolution index; the caller opens and closes it. */
  readonly index: IndexQueryRepository;
  /** PRINCIPAL_SIGNING_SECRET: the cursor key, and every subgraph key not in `subgraphKeys`, derive from it. */
  readonly signingSecret: string;
  /** `<NAME>_SIGNING_SECRET` by subgraph name, those set (dtsen's own verifies the gateway; the registers' sign its calls to them). */
  readonly subgraphKeys?: Readonly<Record<string, string>>;
  /** Resolves when the service can answer (its index store answers). */
  readonly ready: () => Promise<void>;
  /** Served at GET /metrics; the caller wires the index store's statements into it. */
  readonly metrics?: ServiceMetrics;
  /** The process's logger (main.ts binds the service); default: silent. */
  readonly logger?: Logger;
}

/**
 * The dtsen subgraph as its own HTTP service: it answers only requests the gateway signed with
 * dtsen's key, and asks the registers with the principal it received, each call signed with that
 * register's key, through the same resilience policies the gateway uses. It does not listen.
 */
export async function buildDtsenServiceApp(options: DtsenServiceOptions): Promise<SubgraphApp> {
  const logger = options.logger ?? silentLogger();
  const metrics = options.metrics ?? createServiceMetrics();
  const signingKeys = signingKeysOf(options.signingSecret, options.subgraphKeys);
  const registers = createRegisterAccess({ ...options, signingKeys, policies: createSubgraphPolicies(REGISTERS, options.resilience, logger, createSubgraphMetrics(metrics.registry)) });
  const dependencies = dtsenDependencies(options, registers);
  const app = await createSubgraphApp<DtsenContext & RequestLogging>({
    schema: buildDtsenSchema(dependencies),
    signingSecret: signingKeys('dtsen'),
    context: (_req, principal: Principal, request) => ({
      ...createDtsenContext(dependencies, principal, Date.now() + options.resilience.requestDeadlineMs, request.requestId),
      ...request,
    }),
    ready: options.ready,
    metrics,
    logger,
    plugins: [indexWarningPlugin(), unaskedRegistersPlugin()],
  });
  return {
    ...app,
    stop: async () => {
      await app.stop();
      await registers.close();
    },
  };
}
