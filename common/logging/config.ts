import { cleanEnv, num, str } from 'envalid';
import { reportConfigErrors } from '../config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How a process logs (docs/observability.md, "Logs"); every service's main.ts reads it first. */
export interface LoggingConfig {
  /** Lines below this level are not written. */
  readonly level: LogLevel;
  /** `json`: one JSON object a line, for a log collector; `pretty`: readable lines for a terminal (pino-pretty, a devDependency). */
  readonly format: 'json' | 'pretty';
  /** Store statements slower than this are logged as warnings (TypeORM's maxQueryExecutionTime). */
  readonly slowQueryMs: number;
}

export const DEFAULT_SLOW_QUERY_MS = 500;

/** `LOG_LEVEL`, `LOG_FORMAT` (JSON in production, readable otherwise) and `DB_SLOW_QUERY_MS`; throws naming a bad variable. */
export function loadLoggingConfig(env: NodeJS.ProcessEnv = process.env): LoggingConfig {
  const parsed = cleanEnv(
    env,
    {
      LOG_LEVEL: str({ default: 'info', choices: [...LOG_LEVELS], desc: 'Lowest level written' }),
      LOG_FORMAT: str({ default: '', choices: ['', 'json', 'pretty'], desc: 'json or pretty; default: json in production, pretty otherwise' }),
      NODE_ENV: str({ default: 'development' }),
      DB_SLOW_QUERY_MS: num({ default: DEFAULT_SLOW_QUERY_MS, desc: 'Store statements slower than this (ms) are logged as warnings' }),
    },
    { reporter: reportConfigErrors },
  );
  const production = parsed.NODE_ENV === 'production';
  // The production image installs no devDependencies, so pino-pretty is not there to load.
  if (production && parsed.LOG_FORMAT === 'pretty') throw new Error('LOG_FORMAT: pretty is for development; production logs json');
  if (!Number.isInteger(parsed.DB_SLOW_QUERY_MS) || parsed.DB_SLOW_QUERY_MS < 1) throw new Error('DB_SLOW_QUERY_MS must be a whole number of milliseconds of at least 1');
  return Object.freeze({
    level: parsed.LOG_LEVEL as LogLevel,
    format: (parsed.LOG_FORMAT || (production ? 'json' : 'pretty')) as LoggingConfig['format'],
    slowQueryMs: parsed.DB_SLOW_QUERY_MS,
  });
}
