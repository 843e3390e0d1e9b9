import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import type { StoreName } from '../store-url';
import { graphqlMetricsPlugin } from './graphql-metrics-plugin';
import type { MetricsExposition } from './metrics-endpoint';

/** The stores a process counts statements of: its stored subgraph's, or the gateway's resolution index. */
export type CountedStore = StoreName;

/**
 * The metrics of one app (a register subgraph, the gateway, the dtsen service), served at
 * GET /metrics. Labels are fixed sets (store names, outcomes): never keys, NIKs, principals or
 * operation variables.
 */
export interface ServiceMetrics {
  /** This app's metrics and the process's. */
  readonly registry: Registry;
  /** What GET /metrics serves: the registry, or in a cluster worker every worker's (cluster-metrics.ts). */
  readonly exposition: MetricsExposition;
  /** A store's `onQuery` (open-store.ts): counts every statement the store runs. */
  sqlStatementCounter(store: CountedStore): (sql: string) => void;
  /** Counts and times the GraphQL requests the app's Apollo Server runs. */
  readonly graphqlPlugin: ApolloServerPlugin<BaseContext>;
}

let processMetrics: Registry | undefined;

/**
 * CPU, memory, event loop and GC of the process, collected once: collectDefaultMetrics starts a GC
 * observer and an event-loop monitor on every call and never stops them, and all apps of one
 * process (the tests run several) report the same process anyway.
 */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/** An app's own registry, joined with the process's: apps sharing a process (the tests) count apart. */
export function createServiceMetrics(): ServiceMetrics {
  const own = new Registry();
  const sqlStatements = new Counter({
    name: 'dtsen_sql_statements_total',
    help: 'SQL statements run on a store: reads, audit inserts, migrations and readiness probes',
    labelNames: ['store'] as const,
    registers: [own],
  });
  const graphqlPlugin = graphqlMetricsPlugin(own);
  const registry = Registry.merge([processRegistry(), own]);
  return {
    registry,
    exposition: registry,
    sqlStatementCounter(store) {
      const counter = sqlStatements.labels({ store });
      // Present from the start, so a scraper sees 0 rather than no series.
      counter.inc(0);
      return () => counter.inc();
    },
    graphqlPlugin,
  };
}
