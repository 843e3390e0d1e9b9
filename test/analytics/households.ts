import { filtered, type OracleFilter, type ResolvedIndex } from './oracle';

const PAGE = `totalCount pageInfo { endCursor hasNextPage } nodes { noKK }`;

/** The response with its households' nodes in No. KK order, as the oracle lists them. */
function inKKOrder<Response extends { body: { data?: Record<string, unknown> | null } }>(response: Response): Response {
  const households = response.body.data?.['households'] as { nodes?: { noKK: string }[] } | undefined;
  households?.nodes?.sort((a, b) => a.noKK.localeCompare(b.noKK));
  return response;
}

/** Query.households: filters, live fields, pages and the index status. */
export function householdsCases(resolved: () => ResolvedIndex): void {
  const filters: [string, string, OracleFilter][] = [
    ['a region prefix (dotted)', '{ regionPrefix: "31.72" }', { regionPrefix: '3172' }],
    ['a desil range', '{ desilMin: 2, desilMax: 4 }', { desilMin: 2, desilMax: 4 }],
    ['eligibility for a programme', '{ eligibleFor: PBI_JK }', { eligibleFor: 'PBI_JK' }],
    ['a targeting status', '{ targeting: { program: PKH, status: EXCLUSION_ERROR } }', { targeting: { program: 'PKH', status: 'EXCLUSION_ERROR' } }],
    [
      'the graduation candidates of a programme',
      '{ targeting: { program: PBI_JK, status: GRADUATION_CANDIDATE } }',
      { targeting: { program: 'PBI_JK', status: 'GRADUATION_CANDIDATE' } },
    ],
    ['a data-quality code', '{ dataQuality: KK_MISMATCH }', { dataQuality: 'KK_MISMATCH' }],
    ['presence in a register', '{ inRegister: P3KE }', { inRegister: 'P3KE' }],
    ['absence from a register', '{ notInRegister: REGSOSEK }', { notInRegister: 'REGSOSEK' }],
    [
      'several filters at once',
      '{ regionPrefix: "3172", desilMax: 5, eligibleFor: BPNT, inRegister: DTKS }',
      { regionPrefix: '3172', desilMax: 5, eligibleFor: 'BPNT', inRegister: 'DTKS' },
    ],
  ];

  it.each(filters)('when filtered by %s, then it lists exactly the matching families of the index', async (_name, filter, oracle) => {
    const response = await resolved().system.query(`{ households(filter: ${filter}, first: 100) { totalCount pageInfo { hasNextPage } nodes { noKK } } }`);

    const expected = filtered(resolved().all, oracle);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(100);
    // Listing order is random (common/store/listing-key.ts): the page is compared as a set.
    expect(inKKOrder(response)).toEqual({
      status: 200,
      body: {
        data: {
          households: {
            totalCount: expected.length,
            pageInfo: { hasNextPage: false },
            nodes: expected.map((household) => ({ noKK: household.noKK })),
          },
        },
      },
    });
  });

  it('when live fields are selected on the nodes, then they come from the registers and agree with the filter', async () => {
    const response = await resolved().system.query(
      `{ households(filter: { targeting: { program: PKH, status: EXCLUSION_ERROR } }, first: 3) {
          nodes { noKK sources targeting { program status } } } }`,
    );

    const listed = (response.body.data?.['households'] as { nodes: { noKK: string }[] }).nodes.map((node) => node.noKK);
    const expected = filtered(resolved().all, { targeting: { program: 'PKH', status: 'EXCLUSION_ERROR' } }).filter((household) => listed.includes(household.noKK));
    expect(inKKOrder(response).body).toEqual({
      data: {
        households: {
          nodes: expected.map((household) => ({ noKK: household.noKK, sources: household.sources, targeting: household.targeting })),
        },
      },
    });
    expect(listed.length).toBe(3);
  });

  it('when pages are walked with their cursors, then every matching family comes exactly once', async () => {
    const seen: string[] = [];
    const pages: boolean[] = [];
    let after: string | null = null;
    do {
      const response = await resolved().system.query(`query ($after: String) { households(filter: { desilMax: 6 }, first: 7, after: $after) { ${PAGE} } }`, { after });
      const page = response.body.data?.['households'] as { nodes: { noKK: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      seen.push(...page.nodes.map((node) => node.noKK));
      pages.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);

    const expected = filtered(resolved().all, { desilMax: 6 }).map((household) => household.noKK);
    expect({ seen: [...seen].sort(), pages: pages.length }).toEqual({ seen: expected, pages: Math.ceil(expected.length / 7) });
  });

  it('when the index is current, then the connection names its run and the response carries no warning', async () => {
    const [run] = await resolved().system.index.runs();
    const response = await resolved().system.query('{ households(first: 1) { totalCount index { runId ruleSet evaluationDate finishedAt families current } } }');

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          households: {
            totalCount: resolved().all.length,
            index: { runId: run?.id, ruleSet: '2025', evaluationDate: '2026-11-28', finishedAt: run?.finishedAt, families: resolved().all.length, current: true },
          },
        },
      },
    });
  });
}
