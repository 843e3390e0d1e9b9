// main.ts's first import: the instrumentations must patch http, express, undici, mysql2 and ioredis before anything loads them.
import { startTracing } from '../../common/telemetry/tracing';

startTracing('dtsen-subgraph', process.env);
