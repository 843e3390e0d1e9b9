import { trace } from '@opentelemetry/api';
import { startTracing } from '../../common/telemetry/tracing';

describe('turning tracing on', () => {
  it('when neither OTLP endpoint is set (or set empty), then nothing records spans', () => {
    startTracing('dtsen-gateway', { OTEL_EXPORTER_OTLP_ENDPOINT: '' });

    expect(trace.getTracer('test').startSpan('probe').isRecording()).toBe(false);
  });

  it('when the endpoint is not a URL, then the process refuses to start and names the variable', () => {
    expect(() => startTracing('dtsen-gateway', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' })).toThrow(
      'Invalid configuration: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http:// or https:// URL, got "collector:4318"',
    );
  });
});
