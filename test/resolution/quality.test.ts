import { compareIssues, compareTargeting, qualityTable, truthIssues, truthTargeting } from '../../resolution/quality';

const KK_A = '3172011506100001';
const KK_B = '3172012003150002';
const NIK_1 = '3172011203850001';
const NIK_2 = '3172016008880002';

const row = (code: string, truth: number, detected: number, truePositives: number, precision: number | null, recall: number | null) => ({
  code,
  truth,
  detected,
  truePositives,
  precision,
  recall,
});

describe('comparing detected data-quality issues with the truth', () => {
  it('when detection matches the truth exactly, then precision and recall are 1 for the codes present and unknown for the rest', () => {
    const issues = [
      { noKK: KK_A, code: 'INVALID_NIK', nik: NIK_1 },
      { noKK: KK_B, code: 'MISSING_FROM_REGSOSEK', nik: null },
    ];

    expect(compareIssues(issues, issues)).toEqual([
      row('INVALID_NIK', 1, 1, 1, 1, 1),
      row('DUPLICATE_NIK', 0, 0, 0, null, null),
      row('KK_MISMATCH', 0, 0, 0, null, null),
      row('DESIL_CONFLICT', 0, 0, 0, null, null),
      row('DECEASED_RECEIVING', 0, 0, 0, null, null),
      row('MISSING_FROM_REGSOSEK', 1, 1, 1, 1, 1),
      row('REGION_MISMATCH', 0, 0, 0, null, null),
    ]);
  });

  it('when detection reports one issue per register, then it counts once per (household, code, NIK)', () => {
    const truth = [{ noKK: KK_A, code: 'DUPLICATE_NIK', nik: NIK_1 }];
    const detected = [
      { noKK: KK_A, code: 'DUPLICATE_NIK', nik: NIK_1 },
      { noKK: KK_A, code: 'DUPLICATE_NIK', nik: NIK_1 },
    ];

    expect(compareIssues(truth, detected)[1]).toEqual(row('DUPLICATE_NIK', 1, 1, 1, 1, 1));
  });

  it('when detection misses one and adds a wrong one, then precision and recall fall accordingly', () => {
    const truth = [
      { noKK: KK_A, code: 'KK_MISMATCH', nik: NIK_1 },
      { noKK: KK_A, code: 'KK_MISMATCH', nik: NIK_2 },
      { noKK: KK_B, code: 'KK_MISMATCH', nik: NIK_1 },
    ];
    const detected = [
      { noKK: KK_A, code: 'KK_MISMATCH', nik: NIK_1 },
      { noKK: KK_B, code: 'KK_MISMATCH', nik: NIK_1 },
      { noKK: KK_B, code: 'KK_MISMATCH', nik: NIK_2 },
      { noKK: KK_B, code: 'KK_MISMATCH', nik: null },
    ];

    expect(compareIssues(truth, detected)[2]).toEqual(row('KK_MISMATCH', 3, 4, 2, 0.5, 2 / 3));
  });

  it('when a code is on one side only and unknown to the seeder, then it gets a row of its own after the seeder codes', () => {
    const rows = compareIssues([], [{ noKK: KK_A, code: 'SOMETHING_NEW', nik: null }]);

    expect(rows[rows.length - 1]).toEqual(row('SOMETHING_NEW', 0, 1, 0, 0, null));
  });

  it('when a truth line is read, then each defect is an issue, with a null NIK for household codes', () => {
    const line = JSON.stringify({
      noKK: KK_A,
      trueDesil: 2,
      defects: [{ code: 'DECEASED_RECEIVING', nik: NIK_1 }, { code: 'REGION_MISMATCH' }],
    });

    expect(truthIssues(line)).toEqual([
      { noKK: KK_A, code: 'DECEASED_RECEIVING', nik: NIK_1 },
      { noKK: KK_A, code: 'REGION_MISMATCH', nik: null },
    ]);
  });

  it('when the rows are printed, then they form a Markdown table with 4 decimals and - for unknown ratios', () => {
    expect(qualityTable([row('KK_MISMATCH', 3, 4, 2, 0.5, 2 / 3), row('DUPLICATE_NIK', 0, 0, 0, null, null)])).toEqual(
      [
        '| code | truth | detected | true positives | precision | recall |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        '| KK_MISMATCH | 3 | 4 | 2 | 0.5000 | 0.6667 |',
        '| DUPLICATE_NIK | 0 | 0 | 0 | - | - |',
      ].join('\n'),
    );
  });
});

describe('comparing the index\'s targeting with the truth', () => {
  const KK_C = '3172012003150003';
  const KK_D = '3172012003150004';
  const truth = [
    { noKK: KK_A, program: 'PBI_JK', status: 'INCLUSION_ERROR' },
    { noKK: KK_B, program: 'PBI_JK', status: 'EXCLUSION_ERROR' },
    { noKK: KK_C, program: 'PBI_JK', status: 'ON_TARGET' },
    { noKK: KK_D, program: 'PBI_JK', status: 'GRADUATION_CANDIDATE' },
  ];

  it('when the index says an error the truth does not, or misses one, then precision and recall count only the households the truth names', () => {
    const index: Record<string, string> = { [KK_A]: 'INCLUSION_ERROR', [KK_B]: 'NOT_TARGETED', [KK_C]: 'INCLUSION_ERROR', [KK_D]: 'GRADUATION_CANDIDATE' };

    expect(compareTargeting(truth, (noKK) => index[noKK])).toEqual([
      { code: 'PBI_JK INCLUSION_ERROR', households: 4, truth: 1, detected: 2, truePositives: 1, precision: 0.5, recall: 1 },
      { code: 'PBI_JK GRADUATION_CANDIDATE', households: 4, truth: 1, detected: 1, truePositives: 1, precision: 1, recall: 1 },
      { code: 'PBI_JK EXCLUSION_ERROR', households: 4, truth: 1, detected: 0, truePositives: 0, precision: null, recall: 0 },
    ]);
  });

  it('when the index calls a graduation candidate an inclusion error, then the candidate is missed and the error a false positive', () => {
    const index: Record<string, string> = { [KK_A]: 'INCLUSION_ERROR', [KK_B]: 'EXCLUSION_ERROR', [KK_C]: 'ON_TARGET', [KK_D]: 'INCLUSION_ERROR' };

    expect(compareTargeting(truth, (noKK) => index[noKK]).map((row) => [row.code, row.precision, row.recall])).toEqual([
      ['PBI_JK INCLUSION_ERROR', 0.5, 1],
      ['PBI_JK GRADUATION_CANDIDATE', null, 0],
      ['PBI_JK EXCLUSION_ERROR', 1, 1],
    ]);
  });

  it('when a truth line carries targeting, then its entries are read; a line without it has none', () => {
    expect([
      truthTargeting(JSON.stringify({ noKK: KK_A, trueDesil: 3, defects: [], targeting: [{ program: 'PBI_JK', status: 'EXCLUSION_ERROR' }] })),
      truthTargeting(JSON.stringify({ noKK: KK_B, trueDesil: 3, defects: [] })),
    ]).toEqual([[{ noKK: KK_A, program: 'PBI_JK', status: 'EXCLUSION_ERROR' }], []]);
  });
});
