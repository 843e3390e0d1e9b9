import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as a collector receives it over OTLP/HTTP JSON. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP's numbering: 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The span as it arrived, to search for what must never be in it. */
  readonly raw: string;
}

interface KeyValue {
  readonly key: string;
  readonly value: Record<string, unknown>;
}

interface ExportRequest {
  readonly resourceSpans?: {
    readonly resource?: { readonly attributes?: KeyValue[] };
    readonly scopeSpans?: { readonly spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: KeyValue[] }[] }[];
  }[];
}

const valueOf = (value: Record<string, unknown>): unknown => Object.values(value)[0];
const attributesOf = (list: KeyValue[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT names. */
  readonly endpoint: string;
  readonly spans: readonly ReceivedSpan[];
  /** Resolves once `done` holds for the spans received, or rejects naming what has arrived. */
  until(done: (spans: readonly ReceivedSpan[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** An OpenTelemetry collector reduced to what tests need: it keeps every span POSTed to /v1/traces, in memory. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            const { traceId, spanId, parentSpanId = '', name, kind } = span;
            spans.push({ service, traceId, spanId, parentSpanId, name, kind, attributes: attributesOf(span.attributes), raw: JSON.stringify(span) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      for (const wake of waiters) wake();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    until: (done, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!done(spans)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`spans did not arrive within ${timeoutMs} ms; received: ${spans.map((span) => `${span.service} ${span.name}`).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
