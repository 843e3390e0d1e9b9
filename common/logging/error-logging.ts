import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, isMaskedError } from '../errors';
import type { RequestLogging } from './http-logging';
import type { Logger } from './logger';

/**
 * Every error a client sees only as INTERNAL_SERVER_ERROR is logged, unmasked, on the request's
 * logger (so with its request id), and the client's error carries that id in
 * `extensions.requestId`: what a client reports is what an operator searches the logs for.
 * `logger`: where a failure to build a request's context goes (it has no request logger yet).
 */
export function errorLogging<Context extends RequestLogging>(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      logger.error({ err: error }, 'a request context could not be built');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (isMaskedError(error)) contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'internal error, masked for the client');
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.['code'] === ErrorCode.INTERNAL_SERVER_ERROR ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } } : error,
          );
        },
      };
    },
  };
}
