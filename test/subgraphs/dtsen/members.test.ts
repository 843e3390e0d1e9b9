import { livingMembers } from '../../../subgraphs/dtsen/domain/members';
import {
  EVALUATION_DATE,
  FATHER,
  MOTHER,
  SD_PUPIL,
  SMP_PUPIL,
  TODDLER,
  dtksFamily,
  dtksMember,
  household,
  p3keFamily,
  p3keMember,
  personSpec,
  regsosekFamily,
  regsosekMember,
} from './fixtures';

const GRANDMOTHER = personSpec('Sumi', 'FEMALE', '1950-05-01', 6);
const COUSIN = personSpec('Joko', 'MALE', '2000-09-09', 8);

describe('livingMembers', () => {
  it('when registers list different members, then the union by NIK is Regsosek first, then DTKS, then P3KE', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(MOTHER)] }),
      dtks: dtksFamily({ members: [dtksMember(FATHER), dtksMember(MOTHER)] }),
      p3ke: p3keFamily({ members: [p3keMember(GRANDMOTHER), p3keMember(FATHER)] }),
    });

    expect(livingMembers(family, EVALUATION_DATE)).toEqual([
      { ...MOTHER, age: 36, regsosek: regsosekMember(MOTHER), dtks: dtksMember(MOTHER), p3ke: null },
      { ...FATHER, age: 40, regsosek: null, dtks: dtksMember(FATHER), p3ke: p3keMember(FATHER) },
      { ...GRANDMOTHER, age: 75, regsosek: null, dtks: null, p3ke: p3keMember(GRANDMOTHER) },
    ]);
  });

  it('when Regsosek records members as died, moved within Indonesia or moved abroad, then they are dropped even if other registers list them', () => {
    const family = household({
      regsosek: regsosekFamily({
        members: [
          regsosekMember(FATHER),
          regsosekMember(MOTHER, { presence: 2 }),
          regsosekMember(TODDLER, { presence: 3 }),
          regsosekMember(SD_PUPIL, { presence: 4 }),
          regsosekMember(SMP_PUPIL, { presence: 5 }),
          regsosekMember(COUSIN, { presence: 6 }),
        ],
      }),
      p3ke: null,
    });

    expect(livingMembers(family, EVALUATION_DATE).map((member) => member.nik)).toEqual([FATHER.nik, SMP_PUPIL.nik, COUSIN.nik]);
  });

  it('when Regsosek gives different personal data than DTKS, then Regsosek wins', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER, { name: 'Budi Santoso' })] }),
      dtks: dtksFamily({ members: [dtksMember(FATHER)] }),
      p3ke: null,
    });

    expect(livingMembers(family, EVALUATION_DATE)).toEqual([
      {
        ...FATHER,
        name: 'Budi Santoso',
        age: 40,
        regsosek: regsosekMember(FATHER, { name: 'Budi Santoso' }),
        dtks: dtksMember(FATHER),
        p3ke: null,
      },
    ]);
  });

  it('when a birth date is unreadable, then the member is kept with an unknown age', () => {
    const broken = { ...FATHER, birthDate: '1985-3-12' };
    const family = household({ regsosek: null, p3ke: null, dtks: dtksFamily({ members: [dtksMember(broken)] }) });

    expect(livingMembers(family, EVALUATION_DATE)).toEqual([
      { ...broken, age: null, regsosek: null, dtks: dtksMember(broken), p3ke: null },
    ]);
  });
});
