import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Principal } from '../../common/auth/principal';
import { unauthenticated } from '../../common/errors';
import { AuthenticationError, type TokenVerifier } from './verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

export type Authentication = { readonly principal: Principal } | { readonly error: GraphQLError };

/**
 * The principal of a request's `Authorization: Bearer` token, or the UNAUTHENTICATED error that
 * says what is wrong with it. Anything but a verification failure (a JWKS endpoint down) is thrown.
 */
export async function authenticate(verifier: TokenVerifier, headers: IncomingHttpHeaders, operation: string | null): Promise<Authentication> {
  const header = headers.authorization;
  if (header === undefined || header === '') return { error: unauthenticated('Send a token: Authorization: Bearer <token>') };
  const match = BEARER.exec(header);
  if (!match) return { error: unauthenticated('The Authorization header must be "Bearer <token>"') };
  try {
    return { principal: await verifier(match[1] as string, operation) };
  } catch (error) {
    if (error instanceof AuthenticationError) return { error: unauthenticated(`Invalid token: ${error.message}`) };
    throw error;
  }
}
