import { checkNik } from '../../common/identifiers';
import { dayNumber, dateOfDay } from '../../seed/generator/calendar';
import { birthDateOf, FamilyNumbering, fitAge, invalidNik, KK_ISSUE_YEARS, nikOf, PersonNumbering } from '../../seed/generator/identity';
import { KeyedPermutation } from '../../seed/generator/permutation';
import { Random, STREAM } from '../../seed/generator/random';

const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const EVALUATION = dateOfDay(dayNumber(EVALUATION_DATE));

describe('KeyedPermutation', () => {
  it('when every value of a range is permuted, then each comes out exactly once and in range', () => {
    for (const size of [1, 2, 365, 1_000, 4_097]) {
      const permutation = new KeyedPermutation(size, [3, 1]);
      const outputs = Array.from({ length: size }, (_, value) => permutation.apply(value));

      expect(new Set(outputs).size).toBe(size);
      expect(outputs.filter((output) => output < 0 || output >= size)).toEqual([]);
    }
  });

  it('when the key differs, then the order differs', () => {
    const first = Array.from({ length: 100 }, (_, value) => new KeyedPermutation(100, [1]).apply(value));
    const second = Array.from({ length: 100 }, (_, value) => new KeyedPermutation(100, [2]).apply(value));

    expect(second).not.toEqual(first);
  });
});

describe('NIK numbering', () => {
  it('when a NIK is built from a slot, an age and a district, then checkNik reads back the birth date and sex', () => {
    const numbering = new PersonNumbering(1);
    const random = new Random(1, STREAM.family, 0);
    const slot = numbering.slot(12, 'FEMALE', 2);
    const age = fitAge(slot, 34, 18, 60, EVALUATION, random) as number;
    const birthDate = birthDateOf(slot, age, EVALUATION);

    const check = checkNik(nikOf('317101', 'FEMALE', birthDate, slot.serial), EVALUATION_DATE);

    expect(check).toEqual({
      valid: true,
      problem: null,
      birthDate: `${birthDate.year}-${String(birthDate.month).padStart(2, '0')}-${String(birthDate.day).padStart(2, '0')}`,
      sex: 'FEMALE',
      districtCode: '31.71.01',
    });
  });

  it('when ages are fitted to a slot, then they stay in range and give the slot its birth-year parity', () => {
    const numbering = new PersonNumbering(5);
    const random = new Random(5, STREAM.family, 1);
    const problems = Array.from({ length: 500 }, (_, index) => numbering.slot(index, index % 2 ? 'MALE' : 'FEMALE', index % 4)).flatMap((slot) => {
      const age = fitAge(slot, 40, 30, 50, EVALUATION, random);
      if (age === null || age < 30 || age > 50) return [`age ${age}`];
      return birthDateOf(slot, age, EVALUATION).year % 2 === slot.yearParity ? [] : [`parity of ${age}`];
    });

    expect(problems).toEqual([]);
  });

  it('when a range holds a single age of the wrong parity, then no age fits', () => {
    const numbering = new PersonNumbering(5);
    const slot = numbering.slot(0, 'MALE', 0);
    const fitting = fitAge(slot, 40, 39, 41, EVALUATION, new Random(1, STREAM.family, 1)) as number;
    const wrong = fitting + 1;

    expect(fitAge(slot, wrong, wrong, wrong, EVALUATION, new Random(1, STREAM.family, 1))).toBeNull();
  });

  it('when two families and slots differ, then their (day, serial, parity) keys differ', () => {
    const numbering = new PersonNumbering(11);
    const keys = new Set<string>();
    for (let family = 0; family < 2_000; family += 1) {
      for (let slot = 0; slot < 4; slot += 1) {
        const key = numbering.slot(family, 'MALE', slot);
        keys.add(`${key.month}-${key.day}-${key.serial}-${key.yearParity}`);
      }
    }

    expect(keys.size).toBe(8_000);
  });
});

describe('KK numbering', () => {
  it('when original KKs of every issue year and re-issued ones are made, then all are 16 digits and distinct', () => {
    const numbering = new FamilyNumbering(2, dayNumber(EVALUATION_DATE));
    const kks = Array.from({ length: 5_000 }, (_, family) => [
      numbering.originalKK(family, '317101', family % KK_ISSUE_YEARS),
      numbering.originalKK(family, '317101', (family + 1) % KK_ISSUE_YEARS),
      numbering.reissuedKK(family, '317101'),
    ]).flat();

    expect(kks.filter((kk) => !/^317101\d{10}$/.test(kk))).toEqual([]);
    expect(new Set(kks).size).toBe(15_000);
  });

  it('when a KK is issued some years back, then its date lies in that year before the last two years', () => {
    const numbering = new FamilyNumbering(2, dayNumber(EVALUATION_DATE));
    const issued = (kk: string) => {
      const year = 2000 + Number(kk.slice(10, 12));
      return new Date(`${year > EVALUATION_DATE.getUTCFullYear() ? year - 100 : year}-${kk.slice(8, 10)}-${kk.slice(6, 8)}T00:00:00Z`);
    };
    const yearsBefore = (kk: string) => (EVALUATION_DATE.getTime() - issued(kk).getTime()) / (365 * 86_400_000);

    const recent = Array.from({ length: 200 }, (_, family) => yearsBefore(numbering.originalKK(family, '317101', 0)));
    const old = Array.from({ length: 200 }, (_, family) => yearsBefore(numbering.originalKK(family, '317101', 10)));
    const reissued = Array.from({ length: 200 }, (_, family) => yearsBefore(numbering.reissuedKK(family, '317101')));

    expect(recent.filter((years) => years < 2 || years > 3.1)).toEqual([]);
    expect(old.filter((years) => years < 12 || years > 13.1)).toEqual([]);
    expect(reissued.filter((years) => years < 0.08 || years > 2.01)).toEqual([]);
  });
});

describe('invalidNik', () => {
  const valid = ['3171012508900001', '3174056011031341', '3201014512990002', '9171010101010101'];

  it('when a valid NIK is made invalid either way, then checkNik rejects it for the intended reason', () => {
    expect(valid.map((nik) => checkNik(invalidNik(nik, 'IMPOSSIBLE_MONTH'), EVALUATION_DATE).problem?.split(' ').slice(0, 3).join(' '))).toEqual(
      valid.map(() => 'no such birth'),
    );
    expect(valid.map((nik) => checkNik(invalidNik(nik, 'UNKNOWN_PROVINCE'), EVALUATION_DATE).problem?.split(' ').slice(0, 3).join(' '))).toEqual(
      valid.map(() => 'unknown region prefix'),
    );
  });

  it('when different NIKs are made invalid, then they stay different', () => {
    const made = valid.flatMap((nik) => [invalidNik(nik, 'IMPOSSIBLE_MONTH'), invalidNik(nik, 'UNKNOWN_PROVINCE')]);

    expect(new Set(made).size).toBe(made.length);
    expect(made.filter((nik) => !/^\d{16}$/.test(nik))).toEqual([]);
  });
});
