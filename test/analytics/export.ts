import type { ResolvedHousehold } from '../../resolution/household';
import { fullAccessToken } from '../support/tokens';
import { filtered, type ResolvedIndex } from './oracle';

const HEADER =
  'no_kk,region_code,desil,desil_source,persons,in_dtks,in_regsosek,in_p3ke,in_kemendes,in_bpjs,' +
  'eligible_pkh,eligible_bpnt,eligible_pbi_jk,eligible_pip,eligible_blt_dd,' +
  'benefit_pkh,benefit_bpnt,benefit_pbi_jk,benefit_pip,benefit_blt_dd,' +
  'targeting_pkh,targeting_bpnt,targeting_pbi_jk,targeting_pip,targeting_blt_dd,issues';

/** A row as the export writes it: by default the No. KK is quoted text after a tab, which spreadsheet programs keep whole. */
function expectedRow(household: ResolvedHousehold, noKK = `"\t${household.noKK}"`): string {
  const programs = ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'];
  const entry = (program: string) => household.eligibility.find((candidate) => candidate.program === program);
  return [
    noKK,
    household.region?.code ?? '',
    household.desil?.value ?? '',
    household.desil?.source ?? '',
    household.persons,
    household.sources.includes('DTKS'),
    household.sources.includes('REGSOSEK'),
    household.sources.includes('P3KE'),
    household.sources.includes('KEMENDES'),
    household.sources.includes('BPJS'),
    ...programs.map((program) => entry(program)?.eligible),
    ...programs.map((program) => entry(program)?.estimatedAnnualBenefit),
    ...household.targeting.map((target) => target.status),
    household.dataQuality.map((issue) => issue.code).join(';'),
  ].join(',');
}

/** GET /export/households.csv: the rows, the formats and the refusals. */
export function exportCases(resolved: () => ResolvedIndex): void {
  async function download(query: string) {
    const response = await fetch(`${new URL(resolved().system.gatewayUrl).origin}/export/households.csv?${query}`, { headers: { authorization: `Bearer ${await fullAccessToken()}` } });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  it('when filtered, then it streams the header and one row per matching family of the index', async () => {
    const response = await download('regionPrefix=31.72&desilMax=6&dataQuality=KK_MISMATCH');

    const expected = filtered(resolved().all, { regionPrefix: '3172', desilMax: 6, dataQuality: 'KK_MISMATCH' });
    expect(expected.length).toBeGreaterThan(1);
    // Rows come in listing order, which is random (common/store/listing-key.ts): compared sorted.
    const [header, ...rows] = response.body.split('\n');
    expect({ ...response, body: [header, ...rows.filter((row) => row !== '').sort(), ''].join('\n') }).toEqual({
      status: 200,
      type: 'text/csv; charset=utf-8',
      body: [HEADER, ...expected.map((household) => expectedRow(household)), ''].join('\n'),
    });
  });

  it('when filtered on the PBI-JK graduation candidates, then it lists exactly them, GRADUATION_CANDIDATE in their targeting_pbi_jk column', async () => {
    const response = await download('targetingProgram=PBI_JK&targetingStatus=GRADUATION_CANDIDATE');

    const expected = filtered(resolved().all, { targeting: { program: 'PBI_JK', status: 'GRADUATION_CANDIDATE' } });
    expect(expected.length).toBeGreaterThan(0);
    const [header, ...rows] = response.body.split('\n');
    expect({ ...response, body: [header, ...rows.filter((row) => row !== '').sort(), ''].join('\n') }).toEqual({
      status: 200,
      type: 'text/csv; charset=utf-8',
      body: [HEADER, ...expected.map((household) => expectedRow(household)), ''].join('\n'),
    });
  });

  it('when a script asks for format=plain, then the No. KK is the bare 16 digits', async () => {
    const response = await download('regionPrefix=31.72&desilMax=6&dataQuality=KK_MISMATCH&format=plain');

    const expected = filtered(resolved().all, { regionPrefix: '3172', desilMax: 6, dataQuality: 'KK_MISMATCH' });
    const [header, ...rows] = response.body.split('\n');
    expect({ ...response, body: [header, ...rows.filter((row) => row !== '').sort(), ''].join('\n') }).toEqual({
      status: 200,
      type: 'text/csv; charset=utf-8',
      body: [HEADER, ...expected.map((household) => expectedRow(household, household.noKK)), ''].join('\n'),
    });
  });

  it('when nothing matches, then the file is the header alone', async () => {
    const response = await download('inRegister=DTKS&notInRegister=DTKS');

    expect(response).toEqual({ status: 200, type: 'text/csv; charset=utf-8', body: `${HEADER}\n` });
  });

  it.each([
    ['desilMax=eleven', 'desilMax', 'desilMax must be a desil from 1 to 10, got "eleven"'],
    ['desilMin=7&desilMax=3', 'desilMin', 'desilMin (7) must not be above desilMax (3)'],
    ['regionPrefix=3199', 'regionPrefix', 'regionPrefix 31.99 is not a known region'],
    ['targetingProgram=PKH', 'targetingStatus', 'targetingStatus is needed with targetingProgram'],
    ['eligibleFor=PKH&eligibleFor=BPNT', 'eligibleFor', 'eligibleFor must be given once'],
    ['format=xlsx', 'format', 'format must be spreadsheet or plain'],
    [
      'desil=3',
      'desil',
      'desil is not a filter of this export; the filters are regionPrefix, desilMin, desilMax, eligibleFor, targetingProgram, targetingStatus, dataQuality, inRegister, notInRegister',
    ],
  ])('when the query is %s, then 400 with BAD_USER_INPUT naming %s', async (query, argumentName, message) => {
    const response = await download(query);

    expect({ ...response, body: JSON.parse(response.body) }).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: { code: 'BAD_USER_INPUT', argumentName, message },
    });
  });
}
