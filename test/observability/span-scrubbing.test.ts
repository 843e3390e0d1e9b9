import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ScrubbingSpanExporter } from '../../common/telemetry/scrubbing-exporter';
import { BUDI, SUTRISNO_KK } from '../federated/fixtures';

describe('spans as they leave a process', () => {
  const received = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ScrubbingSpanExporter(received))] }).getTracer('test');
  afterEach(() => received.reset());

  it('when a span records a URL with a query string, then it is exported with the path alone', () => {
    const span = tracer.startSpan('GET /export/households.csv', {
      kind: SpanKind.SERVER,
      attributes: {
        'url.path': '/export/households.csv',
        'url.query': `regionPrefix=31.72&noKK=${SUTRISNO_KK}`,
        'url.full': `http://gateway:4000/export/households.csv?noKK=${SUTRISNO_KK}`,
        'http.target': `/graphql?variables={"nik":"${BUDI.nik}"}`,
        'http.url': `http://gateway:4000/graphql?variables={"nik":"${BUDI.nik}"}`,
        'http.response.status_code': 200,
      },
    });
    span.end();

    expect(received.getFinishedSpans().map((exported) => ({ name: exported.name, attributes: exported.attributes }))).toEqual([
      {
        name: 'GET /export/households.csv',
        attributes: {
          'url.path': '/export/households.csv',
          'url.full': 'http://gateway:4000/export/households.csv',
          'http.target': '/graphql',
          'http.url': 'http://gateway:4000/graphql',
          'http.response.status_code': 200,
        },
      },
    ]);
  });

  it('when a span records an error quoting a row, then it is exported with the error type and stack frames but not the message', () => {
    const error = new Error(`Duplicate entry '${BUDI.nik}' for key 'PRIMARY'`);
    error.stack = `Error: Duplicate entry '${BUDI.nik}'\n  for key 'PRIMARY'\n    at Query.execute (query.js:1:2)\n    at run (run.js:3:4)`;
    const span = tracer.startSpan('INSERT', { kind: SpanKind.CLIENT });
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();

    expect(received.getFinishedSpans().map((exported) => ({ status: exported.status, events: exported.events.map(({ name, attributes }) => ({ name, attributes })) }))).toEqual([
      {
        status: { code: SpanStatusCode.ERROR },
        events: [{ name: 'exception', attributes: { 'exception.type': 'Error', 'exception.stacktrace': '    at Query.execute (query.js:1:2)\n    at run (run.js:3:4)' } }],
      },
    ]);
  });
});
