import type { DataSource } from 'typeorm';
import { chunk } from '../../common/store/chunks';
import { closeStore } from '../../common/store/open-store';
import { print } from 'graphql';
import { ResolveHouseholdDocument } from '../../generated/graphql/graphql';
import { repeatedLookup } from '../../resolution/repeated-lookup';
import { fromGatewayAnswer, type GatewayHousehold, type ResolvedHousehold } from '../../resolution/household';
import { createIndexRepository, type IndexRepository } from '../../resolution/repository';
import { runResolution, type ResolutionSummary } from '../../resolution/run';
import { openIndexStore } from '../../resolution/store';
import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE, generatedWorldShowing } from './generated-world';
import { createTestIndexStore, type TestIndexStore } from './index-store';

// Forty generated families, and the later pairs that show every defect and families only DTKS or
// only P3KE hold (the last test checks the index shows them all): 52 families, of 8 sizes.
const world = generatedWorldShowing(40);
const knownFamilies = world.truth.map((line) => line.noKK).sort();
/** Entries of the three registers' listings: a family counts once per register holding it. */
const listedFamilies = world.dtks.length + world.regsosek.length + world.p3ke.length;

describe('a resolution run over fifty-odd generated families (SQLite stores)', () => {
  let system: RunningSystem;
  let indexStore: TestIndexStore;
  let dataSource: DataSource;
  let index: IndexRepository;
  let summary: ResolutionSummary;

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE });
    indexStore = createTestIndexStore('sqlite');
    dataSource = await openIndexStore(indexStore.url);
    index = createIndexRepository(dataSource);
    summary = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: 40 });
  }, 120_000);
  afterAll(async () => {
    await closeStore(dataSource);
    await indexStore.remove();
    await system.stop();
  });

  it('when it finishes, then the index holds every family any register holds, once', async () => {
    const stored: string[] = [];
    for await (const household of index.households()) stored.push(household.noKK);

    expect({ finished: summary.finished, families: summary.families, stored }).toEqual({
      finished: true,
      families: knownFamilies.length,
      stored: knownFamilies,
    });
  });

  let liveAnswers: Map<string, GatewayHousehold | null> | undefined;
  async function live(): Promise<Map<string, GatewayHousehold | null>> {
    if (liveAnswers) return liveAnswers;
    const answers = new Map<string, GatewayHousehold | null>();
    // Aliased `household` fields, each answering as the field alone would, a page of 25 a request.
    for (const slice of chunk(knownFamilies, 25)) {
      const { document, variables } = repeatedLookup(ResolveHouseholdDocument, slice, 'LiveHouseholds');
      const { body } = await system.query(print(document), variables);
      expect(body.errors).toBeUndefined();
      slice.forEach((noKK, i) => answers.set(noKK, (body.data?.[`h${i}`] as GatewayHousehold | undefined) ?? null));
    }
    liveAnswers = answers;
    return answers;
  }

  it('when a family is read from the index, then it equals the live federated answer for that family', async () => {
    const expected = new Map<string, ResolvedHousehold | null>();
    for (const [noKK, answer] of await live()) expected.set(noKK, answer && fromGatewayAnswer(answer));
    const indexed = new Map<string, ResolvedHousehold | null>();
    for (const noKK of knownFamilies) indexed.set(noKK, await index.household(noKK));

    expect(indexed).toEqual(expected);
  }, 120_000);

  it("when a family is read from the index, then its persons equal the live answer's members, and families differ in size", async () => {
    const liveCounts: Record<string, number | null> = {};
    for (const [noKK, answer] of await live()) liveCounts[noKK] = answer ? answer.members.length : null;
    const indexedCounts: Record<string, number | null> = {};
    for (const noKK of knownFamilies) indexedCounts[noKK] = (await index.household(noKK))?.persons ?? null;

    expect({ persons: indexedCounts, sizes: new Set(Object.values(indexedCounts)).size > 3 }).toEqual({ persons: liveCounts, sizes: true });
  }, 120_000);

  it('when the data covers every defect and families Regsosek lacks, then the index shows them (the comparison is not vacuous)', async () => {
    const codes = new Set<string>();
    const registers = new Set<string>();
    for await (const household of index.households()) {
      household.dataQuality.forEach((issue) => codes.add(issue.code));
      registers.add(household.sources.join('+'));
    }

    expect({ codes: [...codes].sort(), onlyDtks: registers.has('DTKS'), onlyP3ke: registers.has('P3KE') }).toEqual({
      codes: [
        'DECEASED_RECEIVING',
        'DESIL_CONFLICT',
        'DUPLICATE_NIK',
        'INVALID_NIK',
        'KK_MISMATCH',
        'MISSING_FROM_REGSOSEK',
        'PBI_JK_RECEIPT_MISMATCH',
        'REGION_MISMATCH',
      ],
      onlyDtks: true,
      onlyP3ke: true,
    });
  });

  it('when it finishes, then the run is recorded with its rule set, evaluation date, families and its progress complete', async () => {
    const runs = await index.runs();

    expect(runs).toEqual([
      {
        id: summary.runId,
        ruleSet: '2025',
        evaluationDate: '2026-11-28',
        startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        finishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        families: knownFamilies.length,
        cursors: expect.any(String),
        familiesDone: listedFamilies,
        familiesTotal: listedFamilies,
        progressAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
  });
});
