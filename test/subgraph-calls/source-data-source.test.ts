import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { Registry } from 'prom-client';
import { SIGNATURE_HEADER } from '../../common/auth/signature';
import { REGISTERS } from '../../common/store-url';
import { signingFetch } from '../../subgraph-calls/signing-fetch';
import { createSubgraphMetrics } from '../../subgraph-calls/subgraph-metrics';
import { createSubgraphPolicies, newSourceCalls } from '../../subgraph-calls/subgraph-policy';
import { SourceDataSource } from '../../subgraph-calls/source-data-source';
import type { TimedFetch } from '../../subgraph-calls/subgraph-fetch';
import { testPrincipal, TEST_SIGNING_SECRET } from '../support/principals';
import { silentLogger } from '../../common/logging/logger';

const SETTINGS = { requestDeadlineMs: 5_000, retries: 2, retryBaseDelayMs: 5, breakerThreshold: 100, breakerHalfOpenMs: 1_000 };

/** A register that answers 503 to every call, recording the signature of each attempt. */
function overloadedRegister() {
  const signatures: string[] = [];
  const fetcher: TimedFetch = async (_url, init) => {
    signatures.push(new Headers(init?.headers).get(SIGNATURE_HEADER) ?? '');
    await new Promise((resolve) => setTimeout(resolve, 2));
    return new Response('busy', { status: 503 });
  };
  return { fetcher, signatures };
}

function call(source: SourceDataSource, query: string) {
  return source.process({
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: { query, variables: {} },
    context: { principal: testPrincipal('caseworker'), dtsen: { sourceCalls: newSourceCalls(Date.now() + 5_000) } },
  } as unknown as Parameters<SourceDataSource['process']>[0]);
}

describe('a register data source against an overloaded register (HTTP 503)', () => {
  it('when the operation is a query, then it is attempted 1 + 2 times, each attempt signed afresh, then SOURCE_UNAVAILABLE', async () => {
    const register = overloadedRegister();
    const source = new SourceDataSource('p3ke', 'http://p3ke.test/graphql', signingFetch(TEST_SIGNING_SECRET, register.fetcher), createSubgraphPolicies(REGISTERS, SETTINGS, silentLogger(), createSubgraphMetrics(new Registry())).p3ke, silentLogger());

    await expect(call(source, '{ p3keFamilies { totalCount } }')).rejects.toMatchObject({
      message: 'The P3KE register is unavailable',
      extensions: { code: 'SOURCE_UNAVAILABLE', source: 'P3KE' },
    });
    expect(register.signatures).toHaveLength(3);
    expect(new Set(register.signatures).size).toBe(3);
  });

  it('when the operation is a mutation, then it is attempted once: a retry could apply it twice', async () => {
    const register = overloadedRegister();
    const source = new SourceDataSource('p3ke', 'http://p3ke.test/graphql', signingFetch(TEST_SIGNING_SECRET, register.fetcher), createSubgraphPolicies(REGISTERS, SETTINGS, silentLogger(), createSubgraphMetrics(new Registry())).p3ke, silentLogger());

    await expect(call(source, 'mutation { recordIntervention(noKK: "1") }')).rejects.toMatchObject({ extensions: { code: 'SOURCE_UNAVAILABLE' } });
    expect(register.signatures).toHaveLength(1);
  });
});
