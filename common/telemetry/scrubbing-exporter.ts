import type { Attributes } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-base';

/** Attributes holding a URL or a request target, whose query string can carry search terms and GraphQL variables (GET /graphql?variables=…). */
const URL_ATTRIBUTES = ['url.full', 'http.url', 'http.target'];
/** The query string on its own. */
const QUERY_ATTRIBUTES = ['url.query'];
/** Free text of an error: it can quote a request (JSON.parse quotes the body it failed on) or a row (a duplicate key). */
const MESSAGE_ATTRIBUTES = ['exception.message'];

const withoutQuery = (value: string) => value.split('?', 1)[0] as string;

function scrubAttributes(attributes: Attributes): Attributes {
  const scrubbed: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (QUERY_ATTRIBUTES.includes(key) || MESSAGE_ATTRIBUTES.includes(key)) continue;
    scrubbed[key] = URL_ATTRIBUTES.includes(key) && typeof value === 'string' ? withoutQuery(value) : value;
  }
  return scrubbed;
}

/** A stack without its first lines, which repeat the message; the frames stay. */
function framesOnly(attributes: Attributes): Attributes {
  const stack = attributes['exception.stacktrace'];
  if (typeof stack !== 'string') return attributes;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return { ...attributes, 'exception.stacktrace': frames.join('\n') };
}

function scrubEvent(event: TimedEvent): TimedEvent {
  return event.attributes ? { ...event, attributes: framesOnly(scrubAttributes(event.attributes)) } : event;
}

/** The span as it may leave the process: same identity and timing, without query strings or error messages. */
function scrub(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    ...(span.parentSpanContext ? { parentSpanContext: span.parentSpanContext } : {}),
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes: scrubAttributes(span.attributes),
    links: span.links,
    events: span.events.map(scrubEvent),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * The last step before spans leave the process, whatever instrumentation made them: URLs lose
 * their query string, errors keep their type and stack frames but not their message (the logs,
 * found by the request id, have it). Personal data (NIK, No. KK, names, variable values) travels
 * in request bodies and SQL parameters, which no instrumentation records; this covers the places
 * where it could still slip into a span.
 */
export class ScrubbingSpanExporter implements SpanExporter {
  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.exporter.export(spans.map(scrub), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  async forceFlush(): Promise<void> {
    await this.exporter.forceFlush?.();
  }
}
