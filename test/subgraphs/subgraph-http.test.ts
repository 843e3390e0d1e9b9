import { closeStore } from '../../common/store/open-store';
import type { DataSource } from 'typeorm';
import { listen, locationOf, postSignedGraphQL, type Listening } from '../common/http-client';
import { testSigningKey } from '../support/principals';
import { createTestStores, storeKinds, type TestStores } from '../support/stores';
import { GAMBIR, PENJARINGAN } from './fixtures';
import { REGISTER_CASES, type FamilyLike, type RegisterCase } from './registers';
import { kk, nik } from './store-harness';

const cases = REGISTER_CASES.flatMap((registerCase) =>
  storeKinds().map((kind) => [registerCase.register, kind, registerCase] as [string, typeof kind, RegisterCase]),
);

describe.each(cases)('%s subgraph over HTTP (%s store)', (register, kind, registerCase) => {
  const listing = `${register}Families`;
  const records = `${register}Records`;
  const sql: string[] = [];
  let stores: TestStores;
  let dataSource: DataSource;
  let server: Listening;
  let stopApp: () => Promise<void>;

  // A family of three, a family of two in another region, then 60 small ones; NIK 2 is also
  // listed, later, in the last family (a duplicate NIK across families).
  const first = registerCase.family(kk(1), PENJARINGAN, [nik(1), nik(2), nik(3)]);
  const second = registerCase.family(kk(2), GAMBIR, [nik(4), nik(5)]);
  const others = Array.from({ length: 60 }, (_, i) => registerCase.family(kk(100 + i), PENJARINGAN, [nik(100 + i)]));
  const lastWithDuplicateNik = registerCase.family(kk(900), PENJARINGAN, [nik(900), nik(2)]);

  beforeAll(async () => {
    stores = createTestStores(kind);
    dataSource = await registerCase.openStore(stores.urls[registerCase.register], { onQuery: (statement) => sql.push(statement) });
    const repository = registerCase.createRepository(dataSource);
    await repository.insertFamilies([first, second, ...others]);
    await repository.insertFamilies([lastWithDuplicateNik]);
    const built = await registerCase.buildApp(repository);
    stopApp = built.stop;
    server = await listen(built.app);
  });

  afterAll(async () => {
    await server.close();
    await stopApp();
    await closeStore(dataSource);
    await stores.remove();
  });

  // The indexer reads every region unmasked: these tests are about resolving, access.test.ts about access.
  const graphql = (query: string, variables?: Record<string, unknown>) => postSignedGraphQL(testSigningKey(registerCase.register), server.origin, query, variables);
  const household = (noKK: unknown) => ({ __typename: 'Household', noKK });
  const person = (key: unknown) => ({ __typename: 'Person', nik: key });

  it('when the gateway resolves households, then each gets its whole register record, or null when the register does not hold it or the key is malformed', async () => {
    const answer = await graphql(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { noKK ${register} { ${registerCase.familySelection} } } } }`,
      { representations: [household(kk(1)), household(kk(77)), household('31720115-0'), household(kk(2))] },
    );

    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            { noKK: kk(1), [register]: first },
            { noKK: kk(77), [register]: null },
            { noKK: '31720115-0', [register]: null },
            { noKK: kk(2), [register]: second },
          ],
        },
      },
    });
  });

  it('when the gateway resolves persons, then each gets its most recent member record and all of them, or null and [] when unknown or malformed', async () => {
    const answer = await graphql(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { nik ${register} { ${registerCase.memberSelection} person { nik } } ${records} { noKK } } } }`,
      { representations: [person(nik(2)), person(nik(4)), person(nik(77)), person('12345'), person(12345)] },
    );

    const newer = lastWithDuplicateNik.members[1];
    const fourth = second.members[0];
    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            { nik: nik(2), [register]: { ...newer, person: { nik: nik(2) } }, [records]: [{ noKK: kk(900) }, { noKK: kk(1) }] },
            { nik: nik(4), [register]: { ...fourth, person: { nik: nik(4) } }, [records]: [{ noKK: kk(2) }] },
            { nik: nik(77), [register]: null, [records]: [] },
            { nik: '12345', [register]: null, [records]: [] },
            { nik: '12345', [register]: null, [records]: [] },
          ],
        },
      },
    });
  });

  it('when families are listed page by page, then the cursors lead through every family once, each household resolves, and the order is not by No. KK', async () => {
    const query = `query ($after: String) { ${listing}(first: 20, after: $after) { nodes { noKK ${register} { regionCode } } pageInfo { endCursor hasNextPage } totalCount } }`;
    type Page = { nodes: { noKK: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean }; totalCount: number };

    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const answer = await graphql(query, { after });
      const page = (answer.body as { data: Record<string, Page> }).data[listing] as Page;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);

    const node = (family: FamilyLike) => ({ noKK: family.noKK, [register]: { regionCode: family.regionCode } });
    const byNoKK = (a: { noKK: string }, b: { noKK: string }) => a.noKK.localeCompare(b.noKK);
    const listed = pages.flatMap((page) => page.nodes);
    expect({
      pages: pages.map((page) => ({ size: page.nodes.length, hasNextPage: page.pageInfo.hasNextPage, totalCount: page.totalCount })),
      nodes: [...listed].sort(byNoKK),
      inNoKKOrder: listed.every((entry, i) => i === 0 || (listed[i - 1]?.noKK ?? '') < entry.noKK),
    }).toEqual({
      pages: [
        { size: 20, hasNextPage: true, totalCount: 63 },
        { size: 20, hasNextPage: true, totalCount: 63 },
        { size: 20, hasNextPage: true, totalCount: 63 },
        { size: 3, hasNextPage: false, totalCount: 63 },
      ],
      nodes: [first, second, ...others, lastWithDuplicateNik].map(node).sort(byNoKK),
      inNoKKOrder: false,
    });
  });

  it('when the listing is filtered by region, then only that region is listed and counted', async () => {
    const answer = await graphql(`{ ${listing}(filter: { regionPrefix: "31.71" }) { nodes { noKK } pageInfo { hasNextPage } totalCount } }`);

    expect(answer).toEqual({
      status: 200,
      body: { data: { [listing]: { nodes: [{ noKK: kk(2) }], pageInfo: { hasNextPage: false }, totalCount: 1 } } },
    });
  });

  it.each([
    ['a malformed after', { after: 'not-a-cursor' }, 'after is not a cursor this listing returned for this filter', 'after'],
    ['first: 101', { first: 101 }, 'first must be between 1 and 100, got 101', 'first'],
    ['first: 0', { first: 0 }, 'first must be between 1 and 100, got 0', 'first'],
    [
      'a region prefix that is no region code',
      { filter: { regionPrefix: 'Jakarta' } },
      'filter.regionPrefix must be a region code prefix such as 31.72, 3172 or 3172011001, got "Jakarta"',
      'filter.regionPrefix',
    ],
  ])('when the listing gets %s, then the answer is BAD_USER_INPUT naming the argument and no data', async (_case, variables, message, argumentName) => {
    const query = `query ($first: Int, $after: String, $filter: ${registerCase.typePrefix}FamilyFilter) { ${listing}(first: $first, after: $after, filter: $filter) { totalCount } }`;

    const answer = await graphql(query, variables);

    expect(answer).toEqual({
      status: 200,
      body: {
        data: null,
        errors: [{ message, locations: [locationOf(query, listing)], path: [listing], extensions: { code: 'BAD_USER_INPUT', argumentName } }],
      },
    });
  });

  it('when 50 households and 50 persons are resolved in one request, then the store runs as many SQL queries as for 5 of each: one IN query per table', async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${register} { ${registerCase.familySelection} } } ... on Person { ${register} { nik } ${records} { nik } } } }`;
    const batch = async (size: number) => {
      const families = [first, second, ...others].slice(0, size);
      const representations = [
        ...families.map((family) => household(family.noKK)),
        ...families.map((family) => person(family.members[0]!.nik)),
      ];
      sql.length = 0;
      const answer = await graphql(query, { representations });
      return { queries: sql.length, entities: (answer.body as { data: { _entities: unknown[] } }).data._entities.length };
    };

    const forFive = await batch(5);
    const forFifty = await batch(50);

    // Families, members, details, member records by NIK, and the one audit INSERT of the request.
    const queries = 2 + registerCase.detailTables + 1 + 1;
    expect({ forFive, forFifty }).toEqual({ forFive: { queries, entities: 10 }, forFifty: { queries, entities: 100 } });
  });

  it('when the subgraph is asked whether it is ready, then it checks that its store answers and its migrations have run, and says so', async () => {
    sql.length = 0;

    const ready = await fetch(`${server.origin}/health/ready`);

    expect({ status: ready.status, body: await ready.json(), sql }).toEqual({
      status: 200,
      body: { status: 'ok' },
      // The dialect's look-up of the migrations table, then the migrations run so far.
      sql: ['SELECT 1', expect.any(String), expect.stringMatching(/^SELECT \* FROM .*migrations.* ORDER BY .id. DESC$/)],
    });
  });
});
