import { cleanEnv, makeValidator } from 'envalid';
import { reportConfigErrors } from '../config';
import type { TracingHandle } from './tracing-sdk';

let started: TracingHandle | null = null;

/** `collector:4318` parses as a URL of scheme `collector:`; the exporter needs http(s). */
const httpUrl = makeValidator((input: string) => {
  if (!/^https?:\/\//.test(input) || !URL.canParse(input)) throw new Error(`must be an http:// or https:// URL, got "${input}"`);
  return input;
});

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
 * is set; otherwise loads nothing, so tracing costs nothing when off. It must run before http,
 * express, undici, mysql2 and ioredis are first required, because the instrumentations patch them on
 * load: each service's `tracing.ts` calls it and is its main.ts's first import.
 * `serviceName` is the default `service.name`; OTEL_SERVICE_NAME overrides it.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv): void {
  if (started) return;
  // An empty variable, as compose files and shells leave it, means unset.
  const given = (name: string) => (env[name] === '' ? undefined : env[name]);
  const config = cleanEnv(
    { OTEL_EXPORTER_OTLP_ENDPOINT: given('OTEL_EXPORTER_OTLP_ENDPOINT'), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: given('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') },
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl({ default: undefined, desc: 'OTLP/HTTP collector base URL; traces go to <url>/v1/traces' }),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl({ default: undefined, desc: 'OTLP/HTTP traces URL, used as is' }),
    },
    { reporter: reportConfigErrors },
  );
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT && !config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return;
  // Required here, not imported, so that a process without an endpoint never loads the SDK.
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  started = startTracingSdk(env['OTEL_SERVICE_NAME'] ? undefined : serviceName);
}

/** How long an exiting server waits for the collector: an unreachable one must not hold the exit up. */
const STOP_TIMEOUT_MS = 2_000;

/** Exports the spans still buffered; servers call it just before they exit. A no-op when tracing is off. */
export async function stopTracing(): Promise<void> {
  const handle = started;
  started = null;
  if (!handle) return;
  await Promise.race([handle.stop().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
}
