// The one entry point of every subgraph's process: `node subgraphs/main.ts <name>` (or SUBGRAPH=<name>).
import { startTracing } from '../common/telemetry/tracing';

const name = process.argv[2] ?? process.env['SUBGRAPH'] ?? '';
// Before anything else loads: the instrumentations must patch http, express, undici, mysql2 and ioredis first.
startTracing(`${name}-subgraph`, process.env);

// Required, not imported: an import would be hoisted above startTracing.
(require('./serve-subgraph') as typeof import('./serve-subgraph')).serveSubgraph(name);
