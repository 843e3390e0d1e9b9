import { ageOn, checkNik } from '../../common/identifiers';
import { findRegion } from '../../common/regions';
import { generateBatch, type GeneratedBatch, MAX_FAMILIES } from '../../seed/generator';
import { detectIssues } from './reference-detector';

const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const FAMILIES = 5_000;

let run: GeneratedBatch;
beforeAll(() => {
  run = generateBatch({ seed: 42, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE });
});

type AnyRecord = GeneratedBatch['dtks'][number] | GeneratedBatch['regsosek'][number] | GeneratedBatch['p3ke'][number];
const allRecords = (batch: GeneratedBatch): AnyRecord[] => [...batch.dtks, ...batch.regsosek, ...batch.p3ke];
const injected = (batch: GeneratedBatch, code: string): Set<string> =>
  new Set(batch.truth.flatMap((line) => line.defects.filter((defect) => defect.code === code).map((defect) => defect.nik ?? '')));
const share = (part: number, whole: number): number => part / whole;

function inBatches(seed: number, families: number, batchSize: number): GeneratedBatch {
  const merged: GeneratedBatch = { households: [], dtks: [], regsosek: [], p3ke: [], kemendes: [], bpjs: [], truth: [], persons: 0 };
  let persons = 0;
  for (let start = 0; start < families; start += batchSize) {
    const count = Math.min(batchSize, families - start);
    const batch = generateBatch({ seed, start, count, evaluationDate: EVALUATION_DATE, runFamilies: families });
    merged.households.push(...batch.households);
    merged.dtks.push(...batch.dtks);
    merged.regsosek.push(...batch.regsosek);
    merged.p3ke.push(...batch.p3ke);
    merged.bpjs.push(...batch.bpjs);
    merged.truth.push(...batch.truth);
    persons += batch.persons;
  }
  return { ...merged, persons };
}

describe('generateBatch: determinism', () => {
  it('when the same seed and range are generated twice, then the batches are identical', () => {
    const first = generateBatch({ seed: 7, start: 100, count: 300, evaluationDate: EVALUATION_DATE });
    const second = generateBatch({ seed: 7, start: 100, count: 300, evaluationDate: EVALUATION_DATE });

    expect(second).toEqual(first);
  });

  it('when a run is generated in batches of any size, then it is the same as in one batch', () => {
    const whole = generateBatch({ seed: 9, start: 0, count: 1_201, evaluationDate: EVALUATION_DATE });

    for (const batchSize of [1, 7, 500]) expect(inBatches(9, 1_201, batchSize)).toEqual(whole);
  });

  it('when the seed differs, then no No. KK is the same', () => {
    const other = generateBatch({ seed: 43, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE });

    const kks = new Set(run.truth.map((line) => line.noKK));
    expect(other.truth.filter((line) => kks.has(line.noKK))).toEqual([]);
  });
});

describe('generateBatch: identifiers', () => {
  it('when NIKs are checked, then every one is valid except exactly the injected INVALID_NIK ones', () => {
    const invalid = new Set(
      allRecords(run).flatMap((record) => record.members.map((member) => member.nik)).filter((nik) => !checkNik(nik, EVALUATION_DATE).valid),
    );

    expect(invalid).toEqual(injected(run, 'INVALID_NIK'));
    expect(invalid.size).toBeGreaterThan(0);
  });

  it('when a register lists a NIK in two families, then it is exactly an injected DUPLICATE_NIK', () => {
    const kksPerNik = new Map<string, Set<string>>();
    for (const [register, records] of Object.entries({ dtks: run.dtks, regsosek: run.regsosek, p3ke: run.p3ke })) {
      for (const record of records) {
        for (const member of record.members) {
          const key = `${register}:${member.nik}`;
          kksPerNik.set(key, (kksPerNik.get(key) ?? new Set()).add(record.noKK));
        }
      }
    }
    const listedTwice = new Set([...kksPerNik].filter(([, kks]) => kks.size > 1).map(([key]) => key.split(':')[1] as string));

    expect(listedTwice).toEqual(injected(run, 'DUPLICATE_NIK'));
  });

  it('when Regsosek NIKs are counted, then all are distinct except each injected duplicate, listed twice', () => {
    const niks = run.regsosek.flatMap((family) => family.members.map((member) => member.nik));
    const times = new Map<string, number>();
    for (const nik of niks) times.set(nik, (times.get(nik) ?? 0) + 1);

    expect(new Set([...times].filter(([, count]) => count > 1).map(([nik]) => nik))).toEqual(injected(run, 'DUPLICATE_NIK'));
    expect([...times.values()].filter((count) => count > 2)).toEqual([]);
  });

  it('when No. KKs are read, then each is 16 digits issued in a Jakarta district and no two households share one', () => {
    const kks = run.truth.map((line) => line.noKK);

    expect(kks.filter((kk) => !/^\d{16}$/.test(kk) || !kk.startsWith('31') || findRegion(kk.slice(0, 6))?.level !== 'district')).toEqual([]);
    expect(new Set(kks).size).toBe(kks.length);
  });

  it('when a No. KK is decoded, then it was issued after its head turned 16 and before the evaluation date', () => {
    const issued = (kk: string) => {
      const year = 2000 + Number(kk.slice(10, 12));
      return `${year > EVALUATION_DATE.getUTCFullYear() ? year - 100 : year}-${kk.slice(8, 10)}-${kk.slice(6, 8)}`;
    };
    const misdated = run.regsosek.filter((family) => {
      const head = family.members.find((member) => member.relationship === 1);
      const issueDate = new Date(`${issued(family.noKK)}T00:00:00Z`);
      return !head || issueDate >= EVALUATION_DATE || ageOn(head.birthDate, issueDate) < 16;
    });

    expect(misdated).toEqual([]);
  });

  it('when a NIK is decoded, then its birth date and sex are those of the member record', () => {
    const mismatched = run.regsosek
      .flatMap((family) => family.members)
      .filter((member) => checkNik(member.nik, EVALUATION_DATE).valid)
      .filter((member) => {
        const check = checkNik(member.nik, EVALUATION_DATE);
        return check.birthDate !== member.birthDate || check.sex !== member.sex;
      });

    expect(mismatched).toEqual([]);
  });
});

describe('generateBatch: ground truth', () => {
  it('when the truth is read, then it has exactly one line per No. KK that some register holds', () => {
    const held = new Set(allRecords(run).map((record) => record.noKK));
    const lines = run.truth.map((line) => line.noKK);

    expect(new Set(lines)).toEqual(held);
    expect(lines).toHaveLength(held.size);
  });

  it('when the shared definitions are applied to the registers, then they find exactly the injected defects', () => {
    const detected = detectIssues(run, EVALUATION_DATE);
    const announced = new Map(
      run.truth.map((line) => [line.noKK, new Set(line.defects.map((defect) => (defect.nik ? `${defect.code}:${defect.nik}` : defect.code)))]),
    );

    expect(detected).toEqual(announced);
  });

  it('when defects are counted, then every code occurs and INVALID_NIK and DUPLICATE_NIK are near their rates', () => {
    const households = (code: string) => run.truth.filter((line) => line.defects.some((defect) => defect.code === code)).length;
    const codes = ['INVALID_NIK', 'DUPLICATE_NIK', 'KK_MISMATCH', 'DESIL_CONFLICT', 'DECEASED_RECEIVING', 'MISSING_FROM_REGSOSEK', 'REGION_MISMATCH'];

    expect(codes.filter((code) => households(code) === 0)).toEqual([]);
    expect(share(households('INVALID_NIK'), FAMILIES)).toBeGreaterThan(0.02);
    expect(share(households('INVALID_NIK'), FAMILIES)).toBeLessThan(0.04);
    expect(share(households('DUPLICATE_NIK'), FAMILIES)).toBeGreaterThan(0.025);
    expect(share(households('DUPLICATE_NIK'), FAMILIES)).toBeLessThan(0.055);
  });

  it('when a run ends on an odd family whose pair would share a duplicate, then no duplicate is announced for it', () => {
    const announcedIssues = (batch: GeneratedBatch) =>
      new Map(batch.truth.map((line) => [line.noKK, new Set(line.defects.map((defect) => (defect.nik ? `${defect.code}:${defect.nik}` : defect.code)))]));
    const hasDuplicate = (batch: GeneratedBatch, noKK: string) =>
      batch.truth.some((line) => line.noKK === noKK && line.defects.some((defect) => defect.code === 'DUPLICATE_NIK'));
    const seed = Array.from({ length: 500 }, (_, candidate) => candidate).find((candidate) => {
      const even = generateBatch({ seed: candidate, start: 100, count: 2, evaluationDate: EVALUATION_DATE });
      return even.truth.some((line) => line.defects.some((defect) => defect.code === 'DUPLICATE_NIK'));
    });
    if (seed === undefined) throw new Error('no seed pairs families 100 and 101 in a duplicate');

    const odd = generateBatch({ seed, start: 0, count: 101, evaluationDate: EVALUATION_DATE });

    expect(detectIssues(odd, EVALUATION_DATE)).toEqual(announcedIssues(odd));
    const lastFamily = generateBatch({ seed, start: 100, count: 1, evaluationDate: EVALUATION_DATE, runFamilies: 101 });
    expect(lastFamily.truth.filter((line) => hasDuplicate(odd, line.noKK))).toEqual([]);
  });
});

describe('generateBatch: realism', () => {
  it('when coverage is measured, then Regsosek holds almost all families, DTKS and P3KE the poorer part', () => {
    expect(share(run.regsosek.length, FAMILIES)).toBeGreaterThan(0.97);
    expect(share(run.dtks.length, FAMILIES)).toBeGreaterThan(0.18);
    expect(share(run.dtks.length, FAMILIES)).toBeLessThan(0.35);
    expect(share(run.p3ke.length, FAMILIES)).toBeGreaterThan(0.1);
    expect(share(run.p3ke.length, FAMILIES)).toBeLessThan(0.22);
  });

  it('when true desil is counted, then Jakarta is richer than the nation: ~15-20 % in desil 1-4, most in 6-10', () => {
    const families = new Map(run.truth.map((line) => [line.noKK, line.trueDesil]));
    const desils = run.regsosek.map((family) => families.get(family.noKK) as number);

    expect(share(desils.filter((desil) => desil <= 4).length, desils.length)).toBeGreaterThan(0.14);
    expect(share(desils.filter((desil) => desil <= 4).length, desils.length)).toBeLessThan(0.22);
    expect(share(desils.filter((desil) => desil >= 6).length, desils.length)).toBeGreaterThan(0.65);
  });

  it('when households are sized, then they hold 3.0 to 3.5 persons on average', () => {
    const persons = run.persons / FAMILIES;

    expect(persons).toBeGreaterThanOrEqual(3.0);
    expect(persons).toBeLessThanOrEqual(3.5);
  });

  it('when sources rank a clean family, then Regsosek percentile fits its desil and P3KE/DTKS stay within 1', () => {
    const regsosek = new Map(run.regsosek.map((family) => [family.noKK, family]));
    const conflicts = new Set(run.truth.filter((line) => line.defects.some((defect) => defect.code === 'DESIL_CONFLICT')).map((line) => line.noKK));
    const badPercentile = run.regsosek.filter(
      (family) => family.ranking && Math.ceil(family.ranking.percentile / 10) !== family.ranking.desil,
    );
    const p3keFarOff = run.p3ke.filter((family) => {
      const ranked = regsosek.get(family.noKK)?.ranking?.desil;
      return !conflicts.has(family.noKK) && ranked !== undefined && Math.abs(ranked - family.desil) > 1;
    });

    expect(badPercentile).toEqual([]);
    expect(p3keFarOff).toEqual([]);
    expect(run.p3ke.filter((family) => family.desil < 1 || family.desil > 4 || family.extremePoor !== (family.desil === 1))).toEqual([]);
  });

  it('when receipts are read, then PKH carries components, others none, and some recipients are not poor', () => {
    const truth = new Map(run.truth.map((line) => [line.noKK, line.trueDesil]));
    const receipts = run.dtks.flatMap((family) => family.receipts);
    const recipients = run.dtks.filter((family) => family.receipts.length > 0);
    const richRecipients = recipients.filter((family) => (truth.get(family.noKK) ?? 0) >= 6);

    expect(receipts.filter((receipt) => (receipt.program === 'PKH') !== receipt.pkhComponents.length > 0)).toEqual([]);
    expect(receipts.filter((receipt) => receipt.since > '2026-11-28' || !receipt.since.endsWith('-01'))).toEqual([]);
    expect(share(richRecipients.length, recipients.length)).toBeGreaterThan(0.08);
    expect(share(richRecipients.length, recipients.length)).toBeLessThan(0.25);
  });

  it('when members are read, then ages, schooling and pregnancy are consistent', () => {
    const members = run.regsosek.flatMap((family) => family.members.map((member) => ({ ...member, age: ageOn(member.birthDate, EVALUATION_DATE) })));

    expect(members.filter((member) => member.age < 0 || member.age > 95)).toEqual([]);
    expect(members.filter((member) => member.pregnant && (member.sex !== 'FEMALE' || member.age < 15 || member.age > 49))).toEqual([]);
    expect(members.filter((member) => member.age < 7 && member.schoolParticipation !== 1)).toEqual([]);
    expect(
      members.filter(
        (member) =>
          member.schoolParticipation === 2 &&
          !(
            (member.schoolLevel === 'SD' && member.age >= 7 && member.age <= 12) ||
            (member.schoolLevel === 'SMP' && member.age >= 13 && member.age <= 15) ||
            (member.schoolLevel === 'SMA' && member.age >= 16 && member.age <= 18) ||
            (member.schoolLevel === 'HIGHER' && member.age >= 19)
          ),
      ),
    ).toEqual([]);
    expect(members.filter((member) => member.workedLastWeek !== (member.employmentStatus !== null))).toEqual([]);
  });

  it('when children are compared with their mother, then she was 15 to 49 at their birth', () => {
    const impossible = run.regsosek.flatMap((family) => {
      const mother = family.members.find((member) => member.sex === 'FEMALE' && (member.relationship === 1 || member.relationship === 2));
      if (!mother) return [];
      const motherAge = ageOn(mother.birthDate, EVALUATION_DATE);
      return family.members
        .filter((member) => member.relationship === 3)
        .filter((child) => {
          const gap = motherAge - ageOn(child.birthDate, EVALUATION_DATE);
          return gap < 15 || gap > 49;
        });
    });

    expect(impossible).toEqual([]);
  });

  it('when regions are read, then every family lives in a known Jakarta village', () => {
    expect(allRecords(run).filter((record) => !record.regionCode.startsWith('31') || findRegion(record.regionCode)?.level !== 'village')).toEqual([]);
  });
});

describe('generateBatch: options', () => {
  it('when the range is invalid or beyond the NIK capacity, then it throws a RangeError', () => {
    const at = (start: number, count: number) => () => generateBatch({ seed: 1, start, count, evaluationDate: EVALUATION_DATE });

    expect(at(-1, 10)).toThrow(RangeError);
    expect(at(0, 1.5)).toThrow(RangeError);
    expect(at(MAX_FAMILIES, 1)).toThrow(RangeError);
  });

  it('when no family is asked for, then the batch is empty', () => {
    expect(generateBatch({ seed: 1, start: 10, count: 0, evaluationDate: EVALUATION_DATE })).toEqual({
      households: [],
      bpjs: [],
      dtks: [],
      regsosek: [],
      p3ke: [],
      kemendes: [],
      truth: [],
      persons: 0,
    });
  });

  it('when a batch is generated, then it lists each family once as a household, with the people, region and desil Regsosek records before defects', () => {
    const batch = generateBatch({ seed: 3, start: 0, count: 40, evaluationDate: EVALUATION_DATE });
    const clean = generateBatch({ seed: 3, start: 0, count: 40, evaluationDate: EVALUATION_DATE }).households;

    expect({
      families: batch.households.length,
      distinctKKs: new Set(batch.households.map((household) => household.noKK)).size,
      persons: batch.households.reduce((sum, household) => sum + household.members.length, 0),
      desils: batch.households.every((household) => household.trueDesil >= 1 && household.trueDesil <= 10),
      regions: batch.households.every((household) => /^\d{10}$/.test(household.regionCode)),
      deterministic: clean,
    }).toEqual({ families: 40, distinctKKs: 40, persons: batch.persons, desils: true, regions: true, deterministic: batch.households });
  });
});
