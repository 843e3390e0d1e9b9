import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { detectResources, envDetector, hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { isOperationsPath } from '../operations-paths';
import { ScrubbingSpanExporter } from './scrubbing-exporter';

/** What a running SDK offers the process: export what is buffered, then stop. */
export interface TracingHandle {
  readonly stop: () => Promise<void>;
}

/**
 * Traces only (metrics stay with prom-client at /metrics): spans of incoming and outgoing HTTP,
 * Express routes, undici (the gateway's subgraph calls), mysql2 and ioredis, and @apollo/gateway's
 * own spans, which it emits through the global API this registers. The provider propagates W3C
 * trace context (traceparent, tracestate). Built from sdk-trace-node rather than sdk-node's
 * NodeSDK: NodeSDK loads every exporter it could configure (gRPC, Zipkin, Prometheus, logs,
 * metrics); on a busy 2-core machine loading it took 2 s under node and 4-6 s under tsx, against
 * 0.3 s and 1-2 s for this file's imports.
 */
export function startTracingSdk(serviceName: string | undefined): TracingHandle {
  // envDetector reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
  const detected = detectResources({ detectors: [envDetector, processDetector, hostDetector] });
  const provider = new NodeTracerProvider({
    resource: serviceName ? detected.merge(resourceFromAttributes({ 'service.name': serviceName })) : detected,
    // The OTLP/HTTP (JSON) exporter reads the endpoint, headers and timeout from the standard variables, the batch processor OTEL_BSP_*.
    spanProcessors: [new BatchSpanProcessor(new ScrubbingSpanExporter(new OTLPTraceExporter()))],
  });
  provider.register();
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isOperationsPath(request.url ?? '') }),
      // Route spans only: one span per middleware would bury the request's shape.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new UndiciInstrumentation(),
      // Left unmasked, the instrumentation may write the statement with its parameter values filled in; masked, literals become `?`.
      new MySQL2Instrumentation({ maskStatement: true }),
      // Keys and arguments can name a principal or hold a persisted query; the command is enough to read latency.
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  // A command (npm run resolve) ends by running out of work: export what is left before it exits.
  process.once('beforeExit', () => void provider.shutdown());
  return { stop: () => provider.shutdown() };
}
