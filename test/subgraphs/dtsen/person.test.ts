import { personHouseholds, resolvePerson } from '../../../subgraphs/dtsen/domain/person';
import { personSources } from '../../../subgraphs/dtsen/domain/sources';
import { EVALUATION_DATE, FATHER, KK, OTHER_KK } from './fixtures';

const records = { name: FATHER.name, sex: FATHER.sex, birthDate: FATHER.birthDate };

describe('resolvePerson', () => {
  it('when every register lists the person, then Regsosek gives the personal data and every KK is listed once, Regsosek first', () => {
    const person = {
      nik: FATHER.nik,
      dtksRecords: [{ ...records, noKK: OTHER_KK, name: 'BUDI' }],
      regsosekRecords: [{ ...records, noKK: KK, presence: 1 }],
      p3keRecords: [{ ...records, noKK: KK }],
    };

    expect(personSources(person)).toEqual(['DTKS', 'REGSOSEK', 'P3KE']);
    expect(resolvePerson(person, EVALUATION_DATE)).toEqual({
      name: 'Budi',
      sex: 'MALE',
      birthDate: '1985-03-12',
      age: 40,
      alive: true,
    });
    expect(personHouseholds(person)).toEqual([KK, OTHER_KK]);
  });

  it('when BPJS Kesehatan enrols the person too, then BPJS is among the sources, last, and gives no name or household', () => {
    const person = {
      nik: FATHER.nik,
      dtksRecords: [],
      regsosekRecords: [{ ...records, noKK: KK, presence: 1 }],
      p3keRecords: [],
      bpjsRecords: [{ noKK: OTHER_KK }],
    };

    expect(personSources(person)).toEqual(['REGSOSEK', 'BPJS']);
    expect(resolvePerson(person, EVALUATION_DATE)).toEqual({
      name: 'Budi',
      sex: 'MALE',
      birthDate: '1985-03-12',
      age: 40,
      alive: true,
    });
    expect(personHouseholds(person)).toEqual([KK]);
  });

  it('when Regsosek records the person as died, then they are not alive', () => {
    const person = { nik: FATHER.nik, dtksRecords: [], regsosekRecords: [{ ...records, noKK: KK, presence: 2 }], p3keRecords: [] };

    expect(resolvePerson(person, EVALUATION_DATE).alive).toBe(false);
  });

  it('when only DTKS lists the person and other registers could not be asked, then DTKS gives the data', () => {
    const person = { nik: FATHER.nik, dtksRecords: [{ ...records, noKK: KK, name: 'BUDI' }] };

    expect(personSources(person)).toEqual(['DTKS']);
    expect(resolvePerson(person, EVALUATION_DATE)).toEqual({
      name: 'BUDI',
      sex: 'MALE',
      birthDate: '1985-03-12',
      age: 40,
      alive: true,
    });
    expect(personHouseholds(person)).toEqual([KK]);
  });
});
