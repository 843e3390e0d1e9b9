import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Principal } from '../common/auth/principal';
import { encodePrincipal, PRINCIPAL_HEADER } from '../common/auth/signature';
import { ErrorCode } from '../common/errors';
import type { Register } from '../common/store-url';

export type TimedFetch = (input: string, init?: RequestInit) => Promise<Response>;

export const SOURCE_NAMES: Readonly<Record<Register, string>> = { dtks: 'DTKS', regsosek: 'REGSOSEK', p3ke: 'P3KE' };

/**
 * Node's fetch (undici: keep-alive connection pool per origin) with a deadline per request. The
 * stock gateway fetcher has no timeout, so one hung register would hold every request open.
 */
export function fetcherWithTimeout(timeoutMs: number): TimedFetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

export function sourceUnavailable(register: Register): GraphQLError {
  return new GraphQLError(`The ${SOURCE_NAMES[register]} register is unavailable`, {
    extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, source: SOURCE_NAMES[register] },
  });
}

/**
 * A register subgraph over HTTP. A failed call (refused, timed out, non-2xx, not JSON) becomes a
 * SOURCE_UNAVAILABLE error naming the register; the stock error would carry the subgraph's URL and
 * response body to the client.
 */
export class SourceDataSource extends RemoteGraphQLDataSource<{ principal?: Principal }> {
  constructor(
    private readonly register: Register,
    url: string,
    fetcher: TimedFetch,
    private readonly log: (message: string) => void,
  ) {
    // Apollo's Fetcher type is node-fetch's shape; Node's fetch accepts everything it passes.
    super({ url, fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  /** The caller's principal goes to the register, which enforces it; the fetcher signs it with the body. */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<{ principal?: Principal }>): void {
    if (context.principal) request.http?.headers.set(PRINCIPAL_HEADER, encodePrincipal(context.principal));
  }

  override async process(options: GraphQLDataSourceProcessOptions<{ principal?: Principal }>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      this.log(`${this.register} subgraph call failed: ${error instanceof Error ? error.message : String(error)}`);
      throw sourceUnavailable(this.register);
    }
  }
}
