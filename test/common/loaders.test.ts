import { createFamilyLoaders, groupByKeys, orderByKeys } from '../../common/loaders';

interface Row {
  readonly key: string;
  readonly value: number;
}

const keyOf = (row: Row) => row.key;

describe('orderByKeys', () => {
  it('when rows come back in any order, then values follow the keys, with null for a key without a row', () => {
    const rows: Row[] = [
      { key: 'c', value: 3 },
      { key: 'a', value: 1 },
    ];

    expect(orderByKeys(['a', 'b', 'c'], rows, keyOf)).toEqual([{ key: 'a', value: 1 }, null, { key: 'c', value: 3 }]);
  });

  it('when two rows share a key, then the first one is the value', () => {
    const rows: Row[] = [
      { key: 'a', value: 1 },
      { key: 'a', value: 2 },
    ];

    expect(orderByKeys(['a'], rows, keyOf)).toEqual([{ key: 'a', value: 1 }]);
  });

  it('when a key is asked twice, then both positions get the value', () => {
    expect(orderByKeys(['a', 'a'], [{ key: 'a', value: 1 }], keyOf)).toEqual([
      { key: 'a', value: 1 },
      { key: 'a', value: 1 },
    ]);
  });
});

describe('groupByKeys', () => {
  it('when rows come back interleaved, then each key gets its rows in row order, and [] when it has none', () => {
    const rows: Row[] = [
      { key: 'b', value: 1 },
      { key: 'a', value: 2 },
      { key: 'b', value: 3 },
    ];

    expect(groupByKeys(['a', 'b', 'c'], rows, keyOf)).toEqual([
      [{ key: 'a', value: 2 }],
      [
        { key: 'b', value: 1 },
        { key: 'b', value: 3 },
      ],
      [],
    ]);
  });
});

describe('createFamilyLoaders', () => {
  it('when a request loads several keys in the same tick, then the repository is asked once with all of them', async () => {
    const calls: string[][] = [];
    const loaders = createFamilyLoaders({
      familiesByNoKK: async (noKKs: readonly string[]) => {
        calls.push(['families', ...noKKs]);
        return noKKs.map((noKK) => (noKK === 'missing' ? null : { noKK }));
      },
      membersByNik: async (niks: readonly string[]) => {
        calls.push(['members', ...niks]);
        return niks.map((nik) => [{ nik }]);
      },
      regionCodesByNoKK: async (noKKs: readonly string[]) => {
        calls.push(['regions', ...noKKs]);
        return noKKs.map(() => '3172011001');
      },
      auditTrailByNiks: async (niks: readonly string[]) => {
        calls.push(['audit', ...niks]);
        return niks.map(() => []);
      },
    });

    const results = await Promise.all([
      loaders.familyByNoKK.load('k1'),
      loaders.familyByNoKK.load('missing'),
      loaders.familyByNoKK.load('k1'),
      loaders.membersByNik.load('n1'),
      loaders.membersByNik.load('n2'),
      loaders.regionCodeByNoKK.load('k1'),
      loaders.regionCodeByNoKK.load('k2'),
      loaders.auditTrailByNik.load('n1'),
      loaders.auditTrailByNik.load('n2'),
    ]);

    expect({ results, calls }).toEqual({
      results: [{ noKK: 'k1' }, null, { noKK: 'k1' }, [{ nik: 'n1' }], [{ nik: 'n2' }], '3172011001', '3172011001', [], []],
      calls: [
        ['families', 'k1', 'missing'],
        ['members', 'n1', 'n2'],
        ['regions', 'k1', 'k2'],
        ['audit', 'n1', 'n2'],
      ],
    });
  });
});
