import { resolveRegion } from '../../../subgraphs/dtsen/domain/region';
import { CIDENG, DESA, GAMBIR, dtksFamily, household, p3keFamily, regsosekFamily } from './fixtures';

describe('resolveRegion', () => {
  it("when Regsosek holds the family, then its code is used, with Kemendagri's names, as a kelurahan", () => {
    const family = household({ regsosek: regsosekFamily({ regionCode: CIDENG }), dtks: dtksFamily({ regionCode: GAMBIR }) });

    expect(resolveRegion(family)).toEqual({
      code: '3171011002',
      dottedCode: '31.71.01.1002',
      village: 'Cideng',
      district: 'Gambir',
      city: 'Kota Administrasi Jakarta Pusat',
      province: 'DKI Jakarta',
      villageKind: 'KELURAHAN',
      source: 'REGSOSEK',
    });
  });

  it("when Regsosek does not hold the family, then DTKS's code is used before P3KE's", () => {
    const family = household({ regsosek: null, dtks: dtksFamily({ regionCode: CIDENG }), p3ke: p3keFamily({ regionCode: GAMBIR }) });

    expect(resolveRegion(family)?.source).toBe('DTKS');
  });

  it("when only P3KE holds the family in a desa outside Jakarta, then the region is a DESA with Kemendagri's names", () => {
    const family = household({ regsosek: null, dtks: null, p3ke: p3keFamily({ regionCode: DESA }) });

    expect(resolveRegion(family)).toEqual({
      code: '3301012001',
      dottedCode: '33.01.01.2001',
      village: 'Tambakreja',
      district: 'Kedungreja',
      city: 'Kabupaten Cilacap',
      province: 'Jawa Tengah',
      villageKind: 'DESA',
      source: 'P3KE',
    });
  });

  it('when the village code is one Kemendagri does not list, then only the district, city and province are named', () => {
    const family = household({ regsosek: regsosekFamily({ regionCode: '3301012999' }) });

    expect(resolveRegion(family)).toEqual({
      code: '3301012999',
      dottedCode: '33.01.01.2999',
      village: null,
      district: 'Kedungreja',
      city: 'Kabupaten Cilacap',
      province: 'Jawa Tengah',
      villageKind: 'DESA',
      source: 'REGSOSEK',
    });
  });

  it("when Regsosek's code is not a village code, then the next register's is used", () => {
    const family = household({ regsosek: regsosekFamily({ regionCode: '317101' }), dtks: dtksFamily({ regionCode: GAMBIR }) });

    expect(resolveRegion(family)?.source).toBe('DTKS');
  });

  it('when no register holds the family, then the region is unknown', () => {
    expect(resolveRegion(household({ regsosek: null, dtks: null, p3ke: null }))).toBeNull();
  });
});
