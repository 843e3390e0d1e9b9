import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from './logger';

/**
 * The logger of the request whose work is running, for code that serves every request and is given
 * none: TypeORM calls its logger with a statement and nothing of who asked. `httpLogging` opens the
 * scope once per request; everything that runs on the request's behalf (resolvers, loaders'
 * batches, store statements) inherits it as OpenTelemetry's context is inherited.
 */
const requestScope = new AsyncLocalStorage<Logger>();

export function runInRequestScope<T>(logger: Logger, work: () => T): T {
  return requestScope.run(logger, work);
}

/** The running request's logger (bound to its id); undefined outside a request (a migration, the importer). */
export function requestScopedLogger(): Logger | undefined {
  return requestScope.getStore();
}
