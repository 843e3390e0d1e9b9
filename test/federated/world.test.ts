import { startSystem, type RunningSystem } from '../support/system';
import { badInputCases } from './bad-input';
import { dtsenServiceCases } from './dtsen-service';
import { EVALUATION_DATE, WORLD } from './fixtures';
import { householdCases } from './household';
import { playgroundCases } from './playground';

// One system over the fixture world for the cases that only read it (the dtsen service's cases
// compare it with a second system, dtsen over HTTP). SQLite stores only: what is shown here is the
// federation and dtsen's reading of the registers; the registers' SQL reads and audit writes are
// the same on both kinds, and test/subgraphs (repository, subgraph-http, access, audit) run them on
// MariaDB too.
describe('the fixture world through the gateway (SQLite stores)', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE });
  });
  afterAll(() => system.stop());

  describe('a household through the gateway', () => householdCases(() => system));
  describe('bad input through the gateway', () => badInputCases(() => system));
  describe('the playground', () => playgroundCases(() => system));
  describe('the dtsen subgraph as its own HTTP service', () => dtsenServiceCases(() => system));
});
