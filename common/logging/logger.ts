import { hostname } from 'node:os';
import { types } from 'node:util';
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER } from '../auth/signature';
import type { LoggingConfig } from './config';

export type { Logger } from 'pino';

/**
 * What never reaches a log line: the client's credentials and the signed principal the gateway
 * sends to the subgraphs (it names the caller and, signed, would let a reader replay it).
 */
const SECRET_HEADERS = ['authorization', 'cookie', PRINCIPAL_HEADER, SIGNATURE_HEADER];
export const REDACTED_PATHS: readonly string[] = [
  ...SECRET_HEADERS.flatMap((header) => [`req.headers["${header}"]`, `headers["${header}"]`, `*.headers["${header}"]`]),
  'res.headers["set-cookie"]',
];

/**
 * An error as logged: its type, message, stack and driver code. Not its other properties: a failed
 * statement carries its parameters (NIKs, names) and a MySQL error the statement with them inlined.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  // Not `instanceof Error`: a native driver's errors (better-sqlite3) may come from another realm.
  if (!isErrorLike(error)) return { message: String(error) };
  const { type, message, stack } = stdSerializers.err(error);
  const code = (error as { code?: unknown }).code;
  return { type, message, stack, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
}

function isErrorLike(value: unknown): value is Error {
  return types.isNativeError(value) || (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string');
}

function options(level: LoggingConfig['level'], service: string): LoggerOptions {
  return {
    level,
    // pid tells the workers of one gateway apart (GATEWAY_WORKERS), hostname the pods.
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    // Level names, not pino's numbers: what log collectors and people filter on.
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACTED_PATHS], censor: '[Redacted]' },
    serializers: { err: serializeError, error: serializeError },
  };
}

/**
 * The root logger of one process, every line naming `service` (gateway, dtsen, dtks, regsosek,
 * p3ke, ...). JSON lines on stdout, or with `format: 'pretty'` readable ones through pino-pretty's
 * transport (a worker thread). `destination` replaces stdout (tests capture lines with it) and
 * implies JSON.
 */
export function createLogger(config: Pick<LoggingConfig, 'level' | 'format'>, service: string, destination?: DestinationStream): Logger {
  if (destination) return pino(options(config.level, service), destination);
  if (config.format === 'json') return pino(options(config.level, service));
  return pino({
    ...options(config.level, service),
    transport: {
      target: 'pino-pretty',
      options: {
        translateTime: 'SYS:HH:MM:ss.l',
        messageFormat: '{service}{if requestId} {requestId}{end}: {msg}',
        ignore: 'pid,hostname,service,requestId,req,res,responseTime',
      },
    },
  });
}

/** Writes nothing: the default of library code given no logger (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * A main.ts's failure to start: logged as fatal, then the process exits 1. Without a logger (its own
 * LOG_* variables were malformed) the reason goes to stderr as a plain line.
 */
export function exitOnStartFailure(logger: Logger | undefined, what: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  if (logger) logger.fatal(`${what} failed to start: ${reason}`);
  else process.stderr.write(`${what} failed to start: ${reason}\n`);
  process.exit(1);
}
