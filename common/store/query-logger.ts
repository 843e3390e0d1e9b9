import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that reports every statement to one callback and nothing to the console: the
 * batching tests count queries per store with it, and production passes no callback.
 */
export class QueryCallbackLogger implements Logger {
  constructor(private readonly onQuery: ((sql: string) => void) | undefined) {}

  logQuery(query: string): void {
    this.onQuery?.(query);
  }

  logQueryError(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
