import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logging/logger';
import { requestScopedLogger } from '../logging/request-scope';

/** A bulk insert's statement runs to hundreds of kilobytes of placeholders; its start says which it was. */
const LOGGED_STATEMENT_LENGTH = 500;

const statement = (query: string) => (query.length > LOGGED_STATEMENT_LENGTH ? `${query.slice(0, LOGGED_STATEMENT_LENGTH)}…` : query);

/**
 * TypeORM's logger: reports every statement to `onQuery` (the SQL counters and the batching tests
 * count statements with it), and slow statements (TypeORM's maxQueryExecutionTime) and failed ones
 * to the logger of the request that ran them (with its id), else the process's. Statements are
 * logged with their placeholders, never their parameters: those are NIKs, names and addresses.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(
    private readonly onQuery: ((sql: string) => void) | undefined,
    private readonly logger: Logger | undefined,
  ) {}

  logQuery(query: string): void {
    this.onQuery?.(query);
  }

  logQueryError(error: string | Error, query: string): void {
    (requestScopedLogger() ?? this.logger)?.error({ err: error, statement: statement(query) }, 'store statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    (requestScopedLogger() ?? this.logger)?.warn({ durationMs: time, statement: statement(query) }, 'slow store statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger?.info(message);
  }

  log(): void {}
}
