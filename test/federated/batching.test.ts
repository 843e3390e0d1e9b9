import { generateBatch } from '../../seed/generator/generate';
import { REGISTERS } from '../../common/store-url';
import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE } from './fixtures';

const PAGE_QUERY = `query Page($first: Int!, $filter: RegsosekFamilyFilter) {
  regsosekFamilies(first: $first, filter: $filter) {
    nodes {
      noKK
      dtks { dtksId receipts { program status } }
      p3ke { desil }
      members { nik name age }
      desil { value source conflict }
      eligibility { program eligible estimatedAnnualBenefit }
      targeting { program status }
      dataQuality { code }
    }
  }
}`;

// SQLite only: the loaders and repositories send the same statements through either driver, and
// test/observability/metrics.test.ts counts one household's statements per register on MariaDB too.
describe('batching (sqlite stores)', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    const batch = generateBatch({ seed: 7, start: 0, count: 80, evaluationDate: EVALUATION_DATE });
    system = await startSystem({ store: 'sqlite', data: batch, evaluationDate: EVALUATION_DATE });
  });
  afterAll(() => system.stop());

  // Listings come in random order (common/store/listing-key.ts), so each page is a fixed set: the
  // 5 families of desil 3 or less (all held by DTKS and P3KE too), or all 80.
  const FIVE = { first: 5, filter: { desilMax: 3 } };
  const ALL = { first: 80 };

  async function sqlPerStoreForPage(page: { first: number; filter?: unknown }) {
    system.resetQueryLog();
    const response = await system.query(PAGE_QUERY, page);
    const first = page.first;
    expect(response.body.errors).toBeUndefined();
    expect((response.body.data?.['regsosekFamilies'] as { nodes: unknown[] }).nodes).toHaveLength(first);
    return Object.fromEntries(REGISTERS.map((register) => [register, system.sql[register].length]));
  }

  it('when a page of 80 households with members, desil, eligibility, targeting and data quality is read, then each store runs as many SQL queries as for 5', async () => {
    const forFive = await sqlPerStoreForPage(FIVE);
    const forEighty = await sqlPerStoreForPage(ALL);

    expect(forEighty).toEqual(forFive);
  });

  it('when a page of 80 is read, then each store answers with a fixed handful of IN queries, not one per household', async () => {
    const forFifty = await sqlPerStoreForPage(ALL);

    // Per store: the family rows and their child rows by KK, then member records by NIK: once
    // within the family's own fetch (each member's records in that register, which decide the
    // members' names, ages and alive without another round), and for the Person hops of data
    // quality (every register's KKs of each member, and BPJS's enrolments); Regsosek also runs the
    // listing (its count only when `totalCount` is selected, and this page does not select it).
    // Each subgraph request that reads personal data appends its audit entries in one INSERT.
    // Kemendes holds no Jakarta family: its one IN query finds nothing more to read or audit. BPJS
    // reads its families and enrolments by No. KK (bpjsInput), then its enrolments by NIK for the
    // Person hops of data quality (bpjsInputRecords); members' names, ages and alive read no
    // BPJS record (subgraphs/dtsen/representation.ts).
    expect(forFifty).toEqual({ dtks: 11, regsosek: 11, p3ke: 11, kemendes: 1, bpjs: 10 });
  });
});
