import { readFileSync } from 'node:fs';
import path from 'node:path';
import { childRegions, findRegion, INDONESIA_POPULATION, isKnownRegency, regionNames, regionsWithin } from '../../common/regions';

const plain = (dotted: string): string => dotted.replaceAll('.', '');
const codesOf = (rows: readonly { code: string }[]): string[] => rows.map((row) => plain(row.code));

/** Data lines of one of idn-area-data's CSV files, counted without the code under test. */
function linesOf(file: string): number {
  const text = readFileSync(path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data', file), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').length - 1;
}

describe('region names from idn-area-data', () => {
  it('when a code of each level is looked up, then provinces and regencies are in title case and districts and villages as Kemendagri writes them', () => {
    expect(['31', '3171', '317101', '3171011002', '34', '7310', '5302', '530210', '5302172001'].map((code) => findRegion(code))).toEqual([
      { code: '31', name: 'DKI Jakarta', level: 'province' },
      { code: '31.71', name: 'Kota Administrasi Jakarta Pusat', level: 'regency' },
      { code: '31.71.01', name: 'Gambir', level: 'district' },
      { code: '31.71.01.1002', name: 'Cideng', level: 'village' },
      { code: '34', name: 'Daerah Istimewa Yogyakarta', level: 'province' },
      { code: '73.10', name: 'Kabupaten Pangkajene dan Kepulauan', level: 'regency' },
      { code: '53.02', name: 'Kabupaten Timor Tengah Selatan', level: 'regency' },
      { code: '53.02.10', name: "KI'E", level: 'district' },
      { code: '53.02.17.2001', name: 'OP', level: 'village' },
    ]);
  });

  it('when a village name carries a bare quote, then it is read as written', () => {
    expect(findRegion('3513152017')?.name).toBe('Soka"an');
  });

  it('when codes Kemendagri does not list are looked up, then there is no region', () => {
    expect(['54', '3176', '317199', '3171019999', '3'].map((code) => findRegion(code))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('when a village code of Nusa Tenggara Timur is named, then each level has its name', () => {
    expect(regionNames('5371011001')).toEqual({ village: 'Namosain', district: 'Alak', city: 'Kota Kupang', province: 'Nusa Tenggara Timur' });
  });

  it('when all of Indonesia is read, then every row of the library is there, each village under its district', () => {
    const villages = regionsWithin('', 'village');

    expect({
      provinces: childRegions('').length,
      regencies: regionsWithin('', 'regency').length,
      districts: regionsWithin('', 'district').length,
      villages: villages.length,
      orphans: villages.filter((village) => findRegion(plain(village.code).slice(0, 6))?.level !== 'district').length,
    }).toEqual({
      provinces: linesOf('provinces.csv'),
      regencies: linesOf('regencies.csv'),
      districts: linesOf('districts.csv'),
      villages: linesOf('villages.csv'),
      orphans: 0,
    });
  });

  it('when the villages of a province are listed, then digit 7 tells kelurahan (1) from desa (2): Jakarta has only kelurahan, NTT mostly desa', () => {
    const kinds = (province: string) => {
      const counts: Record<string, number> = {};
      for (const code of codesOf(regionsWithin(province, 'village'))) counts[code.charAt(6)] = (counts[code.charAt(6)] ?? 0) + 1;
      return counts;
    };

    expect({ jakarta: kinds('31'), ntt: kinds('53') }).toEqual({ jakarta: { 1: 267 }, ntt: { 1: 305, 2: 3137 } });
  });

  it('when the population figures are compared with the library, then they cover exactly its provinces and regencies', () => {
    expect({
      provinces: codesOf(INDONESIA_POPULATION.filter((row) => row.level === 'province')),
      regencies: codesOf(INDONESIA_POPULATION.filter((row) => row.level === 'regency')),
    }).toEqual({ provinces: codesOf(childRegions('')), regencies: codesOf(regionsWithin('', 'regency')) });
  });

  it('when a NIK prefix is checked, then only a regency the library lists is known', () => {
    expect(['3171011505900001', '5371011505900001', '3176011505900001', '3100011505900001'].map(isKnownRegency)).toEqual([true, true, false, false]);
  });
});
