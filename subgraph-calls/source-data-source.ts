import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { getOperationAST, GraphQLError, Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Principal } from '../common/auth/principal';
import { encodePrincipal, PRINCIPAL_HEADER } from '../common/auth/signature';
import { ErrorCode } from '../common/errors';
import { REQUEST_ID_HEADER } from '../common/logging/http-logging';
import type { Logger } from '../common/logging/logger';
import type { Register } from '../common/store-url';
import type { RemoteSubgraph, SourceCalls, SubgraphPolicy } from './subgraph-policy';
import type { TimedFetch } from './subgraph-fetch';

export const SOURCE_NAMES: Readonly<Record<Register, string>> = { dtks: 'DTKS', regsosek: 'REGSOSEK', p3ke: 'P3KE', kemendes: 'KEMENDES', bpjs: 'BPJS' };

function describe(source: RemoteSubgraph): [name: string, what: string] {
  if (source === 'dtsen') return ['DTSEN', 'service'];
  const register = SOURCE_NAMES[source as Register] as string | undefined;
  return register ? [register, 'register'] : [source.toUpperCase(), 'subgraph'];
}

export function sourceUnavailable(source: RemoteSubgraph): GraphQLError {
  const [name, what] = describe(source);
  return new GraphQLError(`The ${name} ${what} is unavailable`, {
    extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, source: name },
  });
}

type Options = GraphQLDataSourceProcessOptions<{ principal?: Principal; requestId?: string; logger?: Logger; dtsen?: { sourceCalls?: SourceCalls } }>;
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

function documentOf(options: Options): DocumentNode | null {
  if ('document' in options && options.document) return options.document;
  try {
    return options.request.query ? parse(options.request.query) : null;
  } catch {
    return null;
  }
}

/** Top-level response names an `_entities` selection asks of each entity (inline fragments and fragment spreads followed). */
function entityFieldNames(document: DocumentNode, selectionSet: SelectionSetNode, names = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') names.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      entityFieldNames(document, selection.selectionSet, names);
    } else {
      const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) entityFieldNames(document, fragment.selectionSet, names);
    }
  }
  return names;
}

/**
 * A register subgraph over HTTP (or any other stored subgraph: the same, but only a register's
 * failure is recorded as "could not be asked"). Each call goes through the register's policy (retries of queries,
 * the request deadline, the circuit breaker); every attempt re-enters the fetcher, so each is
 * signed afresh. A call that still fails becomes a SOURCE_UNAVAILABLE error naming the register;
 * the stock error would carry the subgraph's URL and response body to the client.
 *
 * A failed `_entities` call (the register's part of a household the gateway is assembling) is
 * answered as if the register had returned null for every field asked, with that error: the other
 * registers' fields and the dtsen fields computed from them still resolve, and the policy has
 * recorded the register in the request's `sourceCalls.unavailable`, so the data source for dtsen
 * leaves those nulls out and dtsen reads "could not be asked", not "not held"
 * (dtsen/unasked-registers.ts). Without it the gateway drops the entity and the whole
 * household becomes null.
 *
 * The dtsen subgraph, when it runs as its own service (DTSEN_URL), is called the same way: signed,
 * through its own policy, its failures SOURCE_UNAVAILABLE naming DTSEN.
 */
export class SourceDataSource extends RemoteGraphQLDataSource<{ principal?: Principal }> {
  constructor(
    private readonly register: RemoteSubgraph,
    url: string,
    fetcher: TimedFetch,
    private readonly policy: SubgraphPolicy,
    /** Where a failed call is logged outside a request (within one: the request's logger). */
    private readonly logger: Logger,
  ) {
    // Apollo's Fetcher type is node-fetch's shape; it passes a URL string and a plain init and reads only what SubgraphResponse has.
    super({ url, fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  /**
   * The caller's principal goes to the register, which enforces it; the fetcher signs it with the
   * body. The request id goes beside it, outside the signature, so the register logs and audits
   * under the id the client got.
   */
  override willSendRequest({ request, context }: Options): void {
    if (context.principal) request.http?.headers.set(PRINCIPAL_HEADER, encodePrincipal(context.principal));
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  override async process(options: Options): Promise<ProcessResult> {
    const document = documentOf(options);
    const operation = document ? getOperationAST(document, options.request.operationName) : null;
    const sourceCalls = options.context.dtsen?.sourceCalls;
    try {
      return await this.policy.call(() => super.process(options), {
        idempotent: operation?.operation === 'query',
        ...(sourceCalls ? { calls: sourceCalls } : {}),
      });
    } catch (error) {
      (options.context.logger ?? this.logger).warn({ err: error, subgraph: this.register }, `${this.register} subgraph call failed`);
      const entities = document && operation?.operation === 'query' ? this.unavailableEntities(document, options) : null;
      if (!entities) throw sourceUnavailable(this.register);
      return entities;
    }
  }

  private unavailableEntities(document: DocumentNode, options: Options): ProcessResult | null {
    const operation = getOperationAST(document, options.request.operationName);
    const root = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities');
    const representations = options.request.variables?.['representations'];
    if (root?.kind !== Kind.FIELD || !root.selectionSet || !Array.isArray(representations)) return null;
    const fields = [...entityFieldNames(document, root.selectionSet)];
    const error = sourceUnavailable(this.register);
    return {
      data: {
        _entities: representations.map((representation: { __typename?: unknown }) => ({
          __typename: representation.__typename,
          ...Object.fromEntries(fields.map((field) => [field, null])),
        })),
      },
      errors: [{ message: error.message, extensions: error.extensions }],
    };
  }
}
