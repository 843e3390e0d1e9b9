import { desilOfDtksPercentile, resolveDesil } from '../../../subgraphs/dtsen/domain/desil';
import { RULES, dtksFamily, household, p3keFamily, regsosekFamily } from './fixtures';

const RANKED_2025Q4 = { desil: 3, percentile: 27, version: '2025Q4', rankedAt: '2025-10-01' };

describe('resolveDesil', () => {
  it('when Regsosek carries the DTSEN ranking, then it is the value and every source is a candidate', () => {
    const family = household({
      regsosek: regsosekFamily({ ranking: RANKED_2025Q4 }),
      p3ke: p3keFamily({ desil: 3 }),
      dtks: dtksFamily({ welfarePercentile: 35 }),
    });

    expect(resolveDesil(family, RULES.desil)).toEqual({
      value: 3,
      source: 'REGSOSEK',
      rankingVersion: '2025Q4',
      basis: 'DTSEN ranking 2025Q4',
      conflict: false,
      candidates: [
        { source: 'REGSOSEK', value: 3, basis: 'DTSEN ranking 2025Q4' },
        { source: 'P3KE', value: 3, basis: "P3KE's own model" },
        { source: 'DTKS', value: 4, basis: 'DTKS legacy percentile 35' },
      ],
    });
  });

  it('when Regsosek holds the family without a ranking, then P3KE gives the value', () => {
    const family = household({ regsosek: regsosekFamily({ ranking: null }), p3ke: p3keFamily({ desil: 1 }) });

    expect(resolveDesil(family, RULES.desil)).toEqual({
      value: 1,
      source: 'P3KE',
      rankingVersion: null,
      basis: "P3KE's own model",
      conflict: false,
      candidates: [
        { source: 'REGSOSEK', value: null, basis: 'not yet ranked by DTSEN' },
        { source: 'P3KE', value: 1, basis: "P3KE's own model" },
        { source: 'DTKS', value: 2, basis: 'DTKS legacy percentile 15' },
      ],
    });
  });

  it('when only DTKS holds the family, then its legacy percentile gives the value', () => {
    const family = household({ regsosek: null, p3ke: null, dtks: dtksFamily({ welfarePercentile: 21 }) });

    expect(resolveDesil(family, RULES.desil)).toEqual({
      value: 3,
      source: 'DTKS',
      rankingVersion: null,
      basis: 'DTKS legacy percentile 21',
      conflict: false,
      candidates: [{ source: 'DTKS', value: 3, basis: 'DTKS legacy percentile 21' }],
    });
  });

  it('when the DTKS percentile is above 40 and no other source ranks the family, then there is no desil', () => {
    const family = household({ regsosek: null, p3ke: null, dtks: dtksFamily({ welfarePercentile: 41 }) });

    expect(resolveDesil(family, RULES.desil)).toBeNull();
  });

  it('when no register holds the family, then there is no desil', () => {
    expect(resolveDesil(household({ regsosek: null, p3ke: null, dtks: null }), RULES.desil)).toBeNull();
  });

  it('when two sources differ by 2, then the authority still decides and a conflict is flagged', () => {
    const family = household({
      regsosek: regsosekFamily({ ranking: { ...RANKED_2025Q4, desil: 2 } }),
      p3ke: null,
      dtks: dtksFamily({ welfarePercentile: 38 }),
    });

    expect(resolveDesil(family, RULES.desil)).toEqual({
      value: 2,
      source: 'REGSOSEK',
      rankingVersion: '2025Q4',
      basis: 'DTSEN ranking 2025Q4',
      conflict: true,
      candidates: [
        { source: 'REGSOSEK', value: 2, basis: 'DTSEN ranking 2025Q4' },
        { source: 'DTKS', value: 4, basis: 'DTKS legacy percentile 38' },
      ],
    });
  });

  it('when sources differ by 1 only, then there is no conflict', () => {
    const family = household({ p3ke: p3keFamily({ desil: 3 }), dtks: dtksFamily({ welfarePercentile: 15 }) });

    expect(resolveDesil(family, RULES.desil)?.conflict).toBe(false);
  });
});

describe('desilOfDtksPercentile', () => {
  it('when mapping percentiles, then 0-10 is 1, 11-20 is 2, 21-30 is 3, 31-40 is 4 and above 40 or none is unknown', () => {
    const percentiles = [0, 10, 11, 20, 21, 30, 31, 40, 41, 100, null];

    expect(percentiles.map((percentile) => desilOfDtksPercentile(percentile, RULES.desil))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, null, null, null,
    ]);
  });
});
