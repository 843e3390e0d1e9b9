import type { GeneratedBatch } from '../../seed/generator';
import type { ResolvedIndex } from './oracle';

const STATUSES = ['ON_TARGET', 'INCLUSION_ERROR', 'GRADUATION_CANDIDATE', 'EXCLUSION_ERROR', 'NOT_TARGETED'] as const;

/** PBI-JK targeting over generated families: BPJS Kesehatan's receipts read by dtsen, against the seeder's truth of `world`. */
export function pbiJkTargetingCases(resolved: () => ResolvedIndex, world: GeneratedBatch): void {
  async function familiesWithStatus(status: (typeof STATUSES)[number]): Promise<string[]> {
    const found: string[] = [];
    let after: string | null = null;
    do {
      const response = await resolved().system.query(
        `query ($after: String) { households(filter: { targeting: { program: PBI_JK, status: ${status} } }, first: 100, after: $after) {
          pageInfo { endCursor hasNextPage } nodes { noKK } } }`,
        { after },
      );
      const page = response.body.data?.['households'] as { nodes: { noKK: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      found.push(...page.nodes.map((node) => node.noKK));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    return found;
  }

  it('when every family is resolved, then PBI-JK targeting equals the seeder\'s truth wherever the seeder knows it, errors and graduation candidates included', async () => {
    const truth = new Map(
      world.truth.flatMap((line) => (line.targeting ?? []).filter((entry) => entry.program === 'PBI_JK').map((entry) => [line.noKK, entry.status] as const)),
    );
    const listed = new Map<string, string>();
    for (const status of STATUSES) for (const noKK of await familiesWithStatus(status)) listed.set(noKK, status);

    const known = [...truth.keys()];
    expect(known.length).toBeGreaterThan(100);
    expect([...truth.values()].filter((status) => status.endsWith('_ERROR')).length).toBeGreaterThan(3);
    expect([...truth.values()].filter((status) => status === 'GRADUATION_CANDIDATE').length).toBeGreaterThan(0);
    expect(new Map(known.map((noKK) => [noKK, listed.get(noKK)]))).toEqual(truth);
  });

  it('when DTKS and BPJS disagree on PBI-JK receipt, then exactly the families the seeder made disagree carry PBI_JK_RECEIPT_MISMATCH', async () => {
    const expected = world.truth.filter((line) => line.defects.some((defect) => defect.code === 'PBI_JK_RECEIPT_MISMATCH')).map((line) => line.noKK);
    const response = await resolved().system.query('{ households(filter: { dataQuality: PBI_JK_RECEIPT_MISMATCH }, first: 100) { totalCount nodes { noKK } } }');
    const found = (response.body.data?.['households'] as { nodes: { noKK: string }[] }).nodes.map((node) => node.noKK);

    expect(expected.length).toBeGreaterThan(0);
    expect(found.sort()).toEqual(expected.sort());
  });
}
