import { closeStore } from '../../common/store/open-store';
import { openSubgraphStore } from '../../common/subgraph/stored-subgraph';
import { STORED_SUBGRAPHS } from '../../subgraphs/registry';
import { PeriodOutOfOrderError } from '../../resolution/periods';
import { PeriodHouseholdEntity } from '../../resolution/period-entities';
import type { StoreKind } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';
import { parse } from 'csv-parse/sync';
import { fullAccessToken, testToken } from '../support/tokens';
import { EVALUATION_DATE, generatedWorld } from './generated-world';

// Two kept periods over a few generated families: resolve period A, change some families in the
// registers (desil moved in Regsosek, one family gone from every register), resolve period B; then
// what the index says changed is checked against the live answers read before and after the change.
// One system per file: periods.sqlite.test.ts and periods.mariadb.test.ts run this.

const A = '2026-10';
const B = '2026-11';
const PROGRAMS = ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'] as const;
const world = generatedWorld(24);
const families = [...new Set(world.truth.map((line) => line.noKK))].sort();

interface LiveFamily {
  readonly noKK: string;
  readonly region: { readonly code: string } | null;
  readonly desil: { readonly value: number; readonly source: string } | null;
  readonly eligibility: readonly { readonly program: string; readonly eligible: boolean }[];
  readonly targeting: readonly { readonly program: string; readonly status: string }[];
}

const LIVE_FIELDS = 'noKK sources region { code } desil { value source } eligibility { program eligible } targeting { program status }';
/** The registers whose listings a run walks: a family none of them holds is not in the index. */
const LISTED_BY = ['REGSOSEK', 'DTKS', 'P3KE'];

async function liveAnswers(system: RunningSystem): Promise<Map<string, LiveFamily | null>> {
  const query = `{ ${families.map((noKK, i) => `h${i}: household(noKK: "${noKK}") { ${LIVE_FIELDS} }`).join(' ')} }`;
  const { body } = await system.query(query);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return new Map(
    families.map((noKK, i) => {
      const family = (body.data?.[`h${i}`] as (LiveFamily & { sources: string[] }) | null) ?? null;
      if (family === null || !family.sources.some((source) => LISTED_BY.includes(source))) return [noKK, null];
      const { sources: _sources, ...fields } = family;
      return [noKK, fields];
    }),
  );
}

async function liveSources(system: RunningSystem): Promise<Map<string, string[]>> {
  const { body } = await system.query(`{ ${families.map((noKK, i) => `h${i}: household(noKK: "${noKK}") { sources }`).join(' ')} }`);
  return new Map(families.map((noKK, i) => [noKK, (body.data?.[`h${i}`] as { sources: string[] } | null)?.sources ?? []]));
}

const eligibleIn = (family: LiveFamily | null | undefined, program: string) => family?.eligibility.find((entry) => entry.program === program)?.eligible === true;
const statusIn = (family: LiveFamily | null | undefined, program: string) => family?.targeting.find((entry) => entry.program === program)?.status ?? null;
const desilOf = (family: LiveFamily | null | undefined) => (family?.desil ? { value: family.desil.value, source: family.desil.source } : null);

/** The changes of `program` worked out from the live answers of the two periods, by No. KK. */
function expectedChanges(before: Map<string, LiveFamily | null>, after: Map<string, LiveFamily | null>, program: string, regionPrefix: string | null = null) {
  return families
    .filter((noKK) => eligibleIn(before.get(noKK), program) !== eligibleIn(after.get(noKK), program))
    .filter((noKK) => regionPrefix === null || (after.get(noKK) ?? before.get(noKK))?.region?.code.startsWith(regionPrefix))
    .map((noKK) => ({
      household: { noKK },
      change: eligibleIn(after.get(noKK), program) ? 'ADDED' : 'REMOVED',
      desilBefore: desilOf(before.get(noKK)),
      desilAfter: desilOf(after.get(noKK)),
      targetingBefore: statusIn(before.get(noKK), program),
      targetingAfter: statusIn(after.get(noKK), program),
    }));
}

const CHANGE_FIELDS = 'household { noKK } change desilBefore { value source } desilAfter { value source } targetingBefore targetingAfter';

/** Every change of the programme, read 3 a page, sorted by No. KK (the listing's order is its own). */
async function listedChanges(system: RunningSystem, program: string, token?: string) {
  const nodes: Record<string, unknown>[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 50; page += 1) {
    const { body } = await system.query(
      `query($program: Program!, $after: String) { eligibilityChanges(program: $program, from: "${A}", to: "${B}", first: 3, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${CHANGE_FIELDS} } } }`,
      { program, after },
      token,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const connection = body.data?.['eligibilityChanges'] as { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: Record<string, unknown>[] };
    nodes.push(...connection.nodes);
    totalCount = connection.totalCount;
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  const noKKOf = (node: Record<string, unknown>) => (node['household'] as { noKK: string }).noKK;
  return { totalCount, nodes: nodes.sort((a, b) => noKKOf(a).localeCompare(noKKOf(b))) };
}

/** Moves each family's Regsosek desil across the cut-offs (low to 9, high to 1), and takes one family out of every register. */
async function changeRegisters(system: RunningSystem, moved: readonly string[], gone: string): Promise<void> {
  for (const subgraph of STORED_SUBGRAPHS) {
    const { dataSource } = await openSubgraphStore(subgraph, system.storeUrls[subgraph.name] as string);
    try {
      if (subgraph.name === 'regsosek') {
        for (const noKK of moved) {
          await dataSource.query('UPDATE regsosek_family SET desil = CASE WHEN desil <= 5 THEN 9 ELSE 1 END WHERE no_kk = ?', [noKK]);
        }
      }
      // Detail tables (members, receipts) before the family table their rows belong to; the audit trail stays.
      const tables = dataSource.entityMetadatas
        .filter((metadata) => metadata.columns.some((column) => column.databaseName === 'no_kk') && metadata.tableName !== 'audit_entry')
        .map((metadata) => metadata.tableName)
        .sort((a, b) => Number(a.endsWith('_family')) - Number(b.endsWith('_family')));
      for (const table of tables) await dataSource.query(`DELETE FROM ${table} WHERE no_kk = ?`, [gone]);
    } finally {
      await closeStore(dataSource);
    }
  }
}

export function periodScenario(kind: StoreKind): void {
  let system: RunningSystem;
  let before: Map<string, LiveFamily | null>;
  let after: Map<string, LiveFamily | null>;
  let moved: string[];
  let gone: string;
  let sourcesBefore: Map<string, string[]>;

  beforeAll(async () => {
    system = await startSystem({ store: kind, data: world, evaluationDate: EVALUATION_DATE });
    await system.resolve({ period: A });
    before = await liveAnswers(system);
    sourcesBefore = await liveSources(system);
    const ranked = world.regsosek.filter((family) => family.ranking !== null).map((family) => family.noKK);
    moved = ranked.slice(0, 8);
    gone = ranked[ranked.length - 1] as string;
    await changeRegisters(system, moved, gone);
    after = await liveAnswers(system);
    await system.resolve({ period: B });
  }, 180_000);
  afterAll(async () => {
    await system.stop();
  });

  it('when the registers changed between two periods, then eligibilityChanges of every programme equals the change of the live answers, page by page', async () => {
    const listed: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const program of PROGRAMS) {
      listed[program] = await listedChanges(system, program);
      const changes = expectedChanges(before, after, program);
      expected[program] = { totalCount: changes.length, nodes: changes };
    }
    expect(listed).toEqual(expected);
    // Not vacuous: both ways, and the family that left.
    const bpnt = expectedChanges(before, after, 'BPNT');
    expect(new Set(PROGRAMS.flatMap((program) => expectedChanges(before, after, program).map((change) => change.change)))).toEqual(new Set(['ADDED', 'REMOVED']));
    expect(after.get(gone)).toBeNull();
    expect(bpnt.length).toBeGreaterThan(0);
  });

  it('when a family moved across the cut-off, then its change says why, from what the two periods keep', async () => {
    const { body } = await system.query(`{ eligibilityChanges(program: BPNT, from: "${A}", to: "${B}", first: 100) { nodes { household { noKK } change desilBefore { value } desilAfter { value } reasons } } }`);
    const nodes = (body.data?.['eligibilityChanges'] as { nodes: { household: { noKK: string }; reasons: string[] }[] }).nodes;
    const movedChange = nodes.find((node) => moved.includes(node.household.noKK) && before.get(node.household.noKK)?.desil?.source === 'REGSOSEK');
    expect(movedChange).toBeDefined();
    const was = before.get(movedChange?.household.noKK ?? '');
    const now = after.get(movedChange?.household.noKK ?? '');
    expect(movedChange?.reasons[0]).toBe(
      `Resolved desil moved from desil ${was?.desil?.value} (REGSOSEK) in ${A} to desil ${now?.desil?.value} (REGSOSEK) in ${B}`,
    );
  });

  it('when a family is asked for its history, then it shows both periods as the live answers were then, and the family gone shows only the first', async () => {
    const [changed] = moved;
    const query = `query($noKK: String!) { household(noKK: $noKK) { history(last: 12) { period desil { value source } eligibility { program eligible } targeting { program status } } } }`;
    const { body } = await system.query(query, { noKK: changed });
    const asPeriod = (period: string, family: LiveFamily | null | undefined) => ({
      period,
      desil: desilOf(family),
      eligibility: family?.eligibility,
      targeting: family?.targeting,
    });
    expect(body).toEqual({ data: { household: { history: [asPeriod(A, before.get(changed as string)), asPeriod(B, after.get(changed as string))] } } });

    const rows = await system.indexSource.getRepository(PeriodHouseholdEntity).find({ where: { noKK: gone }, order: { period: 'ASC' } });
    expect(rows.map((row) => [row.period, row.untilPeriod, row.leftRegister])).toEqual([
      [A, B, false],
      [B, null, true],
    ]);
  });

  it('when a page of households asks for every family\'s history, then the index reads their kept rows in one query', async () => {
    system.resetQueryLog();
    const { body } = await system.query(`{ households(period: "${B}", first: 20) { nodes { history { period } } } }`);
    const held = families.filter((noKK) => after.get(noKK) !== null);
    expect(body).toEqual({ data: { households: { nodes: held.slice(0, 20).map(() => ({ history: [{ period: A }, { period: B }] })) } } });
    const rowReads = system.indexSql.filter((statement) => /FROM\s+["`]?period_household["`]?/.test(statement) && /\bIN\s*\(/.test(statement));
    expect(rowReads).toHaveLength(1);
  });

  it('when households and statistics are asked as of a period, then they answer as the period was, and a period not kept is refused naming it', async () => {
    const listing = async (period: string) => {
      const { body } = await system.query(`{ households(period: "${period}", first: 100) { totalCount nodes { noKK } } }`);
      const connection = body.data?.['households'] as { totalCount: number; nodes: { noKK: string }[] };
      return { totalCount: connection.totalCount, noKKs: connection.nodes.map((node) => node.noKK).sort() };
    };
    const held = (answers: Map<string, LiveFamily | null>) => families.filter((noKK) => answers.get(noKK) !== null);
    expect({ a: await listing(A), b: await listing(B) }).toEqual({
      a: { totalCount: held(before).length, noKKs: held(before) },
      b: { totalCount: held(after).length, noKKs: held(after) },
    });

    const filtered = async (period: string, filter: string) => {
      const { body } = await system.query(`{ households(period: "${period}", first: 100, filter: ${filter}) { nodes { noKK } } }`);
      return (body.data?.['households'] as { nodes: { noKK: string }[] }).nodes.map((node) => node.noKK).sort();
    };
    const matching = (answers: Map<string, LiveFamily | null>, test: (family: LiveFamily) => boolean) => held(answers).filter((noKK) => test(answers.get(noKK) as LiveFamily));
    expect({
      eligibleA: await filtered(A, '{ eligibleFor: BPNT }'),
      eligibleB: await filtered(B, '{ eligibleFor: BPNT }'),
      targetingB: await filtered(B, '{ targeting: { program: PKH, status: NOT_TARGETED }, desilMin: 3 }'),
      notInP3keA: await filtered(A, '{ notInRegister: P3KE }'),
    }).toEqual({
      eligibleA: matching(before, (family) => eligibleIn(family, 'BPNT')),
      eligibleB: matching(after, (family) => eligibleIn(family, 'BPNT')),
      targetingB: matching(after, (family) => statusIn(family, 'PKH') === 'NOT_TARGETED' && (family.desil?.value ?? 0) >= 3),
      notInP3keA: held(before).filter((noKK) => !sourcesBefore.get(noKK)?.includes('P3KE')),
    });

    const statistics = async (period: string) => {
      const { body } = await system.query(`{ statistics(level: PROVINCE, period: "${period}") { total { families programs { program eligible } } } }`);
      return body.data?.['statistics'];
    };
    const eligibleCounts = (answers: Map<string, LiveFamily | null>) =>
      PROGRAMS.map((program) => ({ program, eligible: held(answers).filter((noKK) => answers.get(noKK)?.region && eligibleIn(answers.get(noKK), program)).length }));
    const withRegion = (answers: Map<string, LiveFamily | null>) => held(answers).filter((noKK) => answers.get(noKK)?.region).length;
    expect({ a: await statistics(A), b: await statistics(B) }).toEqual({
      a: { total: { families: withRegion(before), programs: eligibleCounts(before) } },
      b: { total: { families: withRegion(after), programs: eligibleCounts(after) } },
    });

    const refusal = async (query: string) => {
      const { body } = await system.query(query);
      return body.errors?.map((error) => ({ message: error['message'], path: error['path'], ...(error['extensions'] as Record<string, unknown>) }));
    };
    const message = `period 2026-09 is not a period the resolution index keeps: it keeps ${A}, ${B}`;
    expect({
      statistics: await refusal('{ statistics(level: PROVINCE, period: "2026-09") { total { families } } }'),
      households: await refusal('{ households(period: "2026-09") { totalCount } }'),
      dataQuality: await refusal(`{ households(period: "${A}", filter: { dataQuality: KK_MISMATCH }) { totalCount } }`),
    }).toEqual({
      statistics: [{ message, path: ['statistics'], code: 'BAD_USER_INPUT', argumentName: 'period' }],
      households: [{ message, path: ['households'], code: 'BAD_USER_INPUT', argumentName: 'period' }],
      dataQuality: [
        { message: 'filter.dataQuality cannot be asked of a period: a kept period holds no data-quality issues', path: ['households'], code: 'BAD_USER_INPUT', argumentName: 'filter.dataQuality' },
      ],
    });
    expect((await filtered(A, '{ eligibleFor: BPNT }')).length).toBeGreaterThan(0);
  });

  it('when a caseworker lists the changes, then it sees only those of its region; a partner only those of its programme', async () => {
    const region = (after.get(moved[0] as string)?.region?.code ?? '').slice(0, 6);
    const caseworker = await testToken('caseworker', { regions: [region] });
    const expected = expectedChanges(before, after, 'BPNT', region);
    expect(await listedChanges(system, 'BPNT', caseworker)).toEqual({ totalCount: expected.length, nodes: expected });

    const partner = await testToken('partner', { programmes: ['BPNT'] });
    const own = expectedChanges(before, after, 'BPNT');
    expect(await listedChanges(system, 'BPNT', partner)).toEqual({ totalCount: own.length, nodes: own });
    const other = await system.query(`{ eligibilityChanges(program: PKH, from: "${A}", to: "${B}") { totalCount } }`, {}, partner);
    expect(other.body.errors?.map((error) => (error['extensions'] as Record<string, unknown>)['code'])).toEqual(['FORBIDDEN']);
    const history = await system.query(`query($noKK: String!) { household(noKK: $noKK) { history { eligibility { program } targeting { program } } } }`, { noKK: moved[0] }, partner);
    expect(history.body).toEqual({
      data: { household: { history: [{ eligibility: [{ program: 'BPNT' }], targeting: [{ program: 'BPNT' }] }, { eligibility: [{ program: 'BPNT' }], targeting: [{ program: 'BPNT' }] }] } },
    });
  });

  it('when the changes are downloaded as CSV, then the rows are the field\'s answer; another programme of a partner is refused, a period not kept names the parameter', async () => {
    const download = async (query: string, token?: string) => {
      const response = await fetch(`${system.gatewayUrl.replace(/\/graphql$/, '')}/export/eligibility-changes.csv?${query}`, {
        headers: { authorization: `Bearer ${token ?? (await fullAccessToken())}` },
      });
      return { status: response.status, text: await response.text() };
    };
    const { status, text } = await download(`program=BPNT&from=${A}&to=${B}&format=plain`);
    const { body } = await system.query(
      `{ eligibilityChanges(program: BPNT, from: "${A}", to: "${B}", first: 100) { nodes { household { noKK } change desilBefore { value source } desilAfter { value source } targetingBefore targetingAfter reasons } } }`,
    );
    type Node = { household: { noKK: string }; change: string; desilBefore: { value: number; source: string } | null; desilAfter: { value: number; source: string } | null; targetingBefore: string | null; targetingAfter: string | null; reasons: string[] };
    const nodes = (body.data?.['eligibilityChanges'] as { nodes: Node[] }).nodes;
    const asRecord = (node: Node) => ({
      no_kk: node.household.noKK,
      region_code: (after.get(node.household.noKK) ?? before.get(node.household.noKK))?.region?.code ?? '',
      change: node.change,
      desil_before: String(node.desilBefore?.value ?? ''),
      desil_source_before: node.desilBefore?.source ?? '',
      desil_after: String(node.desilAfter?.value ?? ''),
      desil_source_after: node.desilAfter?.source ?? '',
      targeting_before: node.targetingBefore ?? '',
      targeting_after: node.targetingAfter ?? '',
      reasons: node.reasons.join('; '),
    });
    expect({ status, rows: parse(text, { columns: true }) }).toEqual({ status: 200, rows: nodes.map(asRecord) });

    const partner = await testToken('partner', { programmes: ['PKH'] });
    const refused = await download(`program=BPNT&from=${A}&to=${B}`, partner);
    expect({ status: refused.status, body: JSON.parse(refused.text) }).toEqual({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'The eligibility changes export of BPNT: a partner reads the changes of its own programmes only' },
    });
    const unknown = await download(`program=BPNT&from=2026-09&to=${B}`);
    expect({ status: unknown.status, body: JSON.parse(unknown.text) }).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', argumentName: 'from', message: `from 2026-09 is not a period the resolution index keeps: it keeps ${A}, ${B}` },
    });
  });

  it('when the newest period is resolved again, then it is replaced, not added; an earlier period is refused before anything is written', async () => {
    const rowsBefore = await system.indexSource.getRepository(PeriodHouseholdEntity).find({ order: { noKK: 'ASC', period: 'ASC' } });
    await system.resolve({ period: B });
    const rowsAfter = await system.indexSource.getRepository(PeriodHouseholdEntity).find({ order: { noKK: 'ASC', period: 'ASC' } });
    expect(rowsAfter).toEqual(rowsBefore);
    const runs = (await system.index.runs()).length;
    await expect(system.resolve({ period: A })).rejects.toBeInstanceOf(PeriodOutOfOrderError);
    expect((await system.index.runs()).length).toBe(runs);
  });
}
