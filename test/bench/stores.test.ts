import { benchDatabaseNames, seedPlan } from '../../bench/stores';

describe('seedPlan', () => {
  const finished = { families: 1_000_000, persons: 3_326_000, seconds: 430 };

  it('when a finished seeding of the same size is recorded, then it is reused', () => {
    expect(seedPlan(1_000_000, finished, true)).toEqual({ action: 'reuse', seeded: finished });
  });

  it('when the recorded seeding has another size, then the stores are seeded afresh, saying why', () => {
    expect(seedPlan(100_000, finished, true)).toEqual({ action: 'reseed', reason: 'the stores hold a seeding of 1000000 families, not 100000' });
  });

  it('when the stores hold data but no finished seeding, then they are seeded afresh, saying why', () => {
    expect(seedPlan(1_000_000, null, true)).toEqual({ action: 'reseed', reason: 'the stores hold data from a seeding that did not finish' });
  });

  it('when the stores are empty, then they are seeded', () => {
    expect(seedPlan(1_000_000, null, false)).toEqual({ action: 'seed' });
  });
});

describe('benchDatabaseNames', () => {
  it('when the data is kept, then the names depend on the number of families alone, so a later run finds them', () => {
    expect(benchDatabaseNames(1_000_000, null)).toEqual({
      dtks: 'bench_1000000_dtks',
      regsosek: 'bench_1000000_regsosek',
      p3ke: 'bench_1000000_p3ke',
      kemendes: 'bench_1000000_kemendes',
      bpjs: 'bench_1000000_bpjs',
      index: 'bench_1000000_index',
      meta: 'bench_1000000_meta',
    });
  });

  it('when the data is not kept, then the run tag keeps the names apart from kept data', () => {
    expect(benchDatabaseNames(10_000, '4242')).toEqual({
      dtks: 'bench_10000_4242_dtks',
      regsosek: 'bench_10000_4242_regsosek',
      p3ke: 'bench_10000_4242_p3ke',
      kemendes: 'bench_10000_4242_kemendes',
      bpjs: 'bench_10000_4242_bpjs',
      index: 'bench_10000_4242_index',
      meta: 'bench_10000_4242_meta',
    });
  });
});
