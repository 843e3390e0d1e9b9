import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, errorResponseBody } from '../errors';
import type { RequestLogging } from '../logging/http-logging';
import type { AuditRecorder } from './audit-recorder';

/**
 * Writes each request's audit entries before its response leaves. Personal data read without an
 * audit record must not be served, so when the write fails the response is replaced by an
 * internal error (logged here with the cause): availability gives way to accountability. The
 * write waits for the whole execution, so a request costs one INSERT however much it read; the
 * price is that a response sent but lost on the wire is still recorded as read, which errs on
 * the side of the data subject.
 */
export function auditPlugin(): ApolloServerPlugin<{ readonly audit: AuditRecorder } & RequestLogging> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.audit.flush();
          } catch (error) {
            contextValue.logger.error({ err: error }, 'audit trail write failed; the response is withheld');
            response.http.status = 500;
            response.body = {
              kind: 'single',
              singleResult: errorResponseBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR, { requestId: contextValue.requestId }),
            };
          }
        },
      };
    },
  };
}
