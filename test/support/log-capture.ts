import { createLogger, type Logger } from '../../common/logging/logger';

/** One JSON log line as written. */
export type LogLine = Record<string, unknown> & { readonly level: string; readonly service: string; readonly msg: string };

export interface CapturedLogs {
  /** A logger like main.ts's for `service`, writing JSON lines here. */
  loggerFor(service: string): Logger;
  /** Every line written so far, raw. */
  text(): string;
  lines(): LogLine[];
  clear(): void;
}

/** Log lines of every service of a test, kept in memory (pino writes to the destination synchronously). */
export function captureLogs(level: 'info' | 'debug' = 'info'): CapturedLogs {
  const written: string[] = [];
  const destination = { write: (line: string) => void written.push(line) };
  return {
    loggerFor: (service) => createLogger({ level, format: 'json' }, service, destination),
    text: () => written.join(''),
    lines: () => written.map((line) => JSON.parse(line) as LogLine),
    clear: () => void written.splice(0),
  };
}
