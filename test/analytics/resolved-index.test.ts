import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { storeKinds } from '../support/stores';
import { startSystem } from '../support/system';
import { badInputCases } from './bad-input';
import { exportCases } from './export';
import { householdsCases } from './households';
import { indexedHouseholds, type ResolvedIndex } from './oracle';
import { pbiJkTargetingCases } from './pbi-jk-targeting';
import { statisticsCases } from './statistics';

// The listing, the statistics, the export, their refusals of bad input and PBI-JK targeting read
// one resolved index and write nothing it holds, so one system per store kind serves them all: a
// start resolves the 150 families, the largest cost of these tests. MariaDB stays: the listing, the
// statistics and the export each read the index with SQL of their own (filters, grouping, a
// streamed export).
const world = generatedWorld(150);

describe.each(storeKinds())('the analytics over a resolved index of 150 families (%s)', (kind) => {
  let resolved: ResolvedIndex;
  beforeAll(async () => {
    const system = await startSystem({ store: kind, data: world, evaluationDate: EVALUATION_DATE, resolve: true });
    resolved = { system, all: await indexedHouseholds(system.index) };
  }, 120_000);
  afterAll(() => resolved.system.stop());

  describe('Query.households', () => householdsCases(() => resolved));
  describe('Query.statistics', () => statisticsCases(() => resolved));
  describe('GET /export/households.csv', () => exportCases(() => resolved));
  // SQLite only: bad input is refused before any SQL runs, and PBI-JK targeting is dtsen's reading
  // of the registers, listed with the SQL the cases above run on both kinds.
  if (kind === 'sqlite') {
    describe('bad input to households and statistics', () => badInputCases(() => resolved));
    describe('PBI-JK targeting over generated families', () => pbiJkTargetingCases(() => resolved, world));
  }
});
