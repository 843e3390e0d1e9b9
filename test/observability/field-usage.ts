import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ORGANISATIONS_PER_KIND } from '../../gateway/observability/field-usage';
import type { RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import { SUTRISNO_KK } from '../federated/fixtures';
import { samples } from './metric-lines';

const ROOT = path.join(__dirname, '..', '..');
const PARTNER = 'BPJS Kesehatan';
const ANALYST = 'Kementerian Sosial, Pusdatin';

async function post(gatewayUrl: string, token: string, query: string): Promise<number> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  await response.arrayBuffer();
  return response.status;
}

const metricsUrl = (gatewayUrl: string) => `${new URL(gatewayUrl).origin}/metrics`;

async function fieldUsageLines(gatewayUrl: string): Promise<string[]> {
  return samples(await (await fetch(metricsUrl(gatewayUrl))).text(), 'dtsen_gateway_field_usage_total').sort();
}

/** `npm run usage -- ARGS`, as an operator runs it. */
async function npmRunUsage(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'usage', '--', ...args], { cwd: ROOT });
  return stdout;
}

/** Field usage per organisation, each case on a fresh gateway of `system` so that its counter holds that case's operations alone. */
export function fieldUsageCases(system: () => RunningSystem): void {
  /** A fresh gateway, so that its counter holds this test's operations alone. */
  async function gatewayAfterPartnerAndAnalyst(): Promise<string> {
    const gatewayUrl = await system().startAnotherGateway();
    const partner = await testToken('partner', { organisation: PARTNER, programmes: ['PBI_JK'] });
    const analyst = await testToken('analyst', { organisation: ANALYST });
    const statuses = [
      await post(gatewayUrl, partner, `{ household(noKK: "${SUTRISNO_KK}") { members { nik } eligibility { program } } }`),
      // The same fields again, through a fragment and an alias: a second operation, each coordinate once in it.
      await post(gatewayUrl, partner, `query Again { household(noKK: "${SUTRISNO_KK}") { ...Family first: members { nik } } } fragment Family on Household { __typename members { nik } }`),
      // Refused (a register's own record) and invalid (a misspelt field): neither runs, neither counts.
      await post(gatewayUrl, partner, `{ household(noKK: "${SUTRISNO_KK}") { dtks { address } } }`),
      await post(gatewayUrl, analyst, `{ household(noKK: "${SUTRISNO_KK}") { noKKK } }`),
      await post(gatewayUrl, analyst, '{ statistics(level: CITY) { total { families } } }'),
    ];
    expect(statuses).toEqual([200, 200, 403, 400, 200]);
    return gatewayUrl;
  }

  it("when a partner and an analyst have run their operations, then the counter holds their organisations and the coordinates they selected, nothing else", async () => {
    const gatewayUrl = await gatewayAfterPartnerAndAnalyst();

    expect(await fieldUsageLines(gatewayUrl)).toEqual(
      [
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="Query.household"} 2`,
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="Household.members"} 2`,
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="Person.nik"} 2`,
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="Household.eligibility"} 1`,
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="ProgramEligibility.program"} 1`,
        `dtsen_gateway_field_usage_total{organisation="${ANALYST}",coordinate="Query.statistics"} 1`,
        `dtsen_gateway_field_usage_total{organisation="${ANALYST}",coordinate="Statistics.total"} 1`,
        `dtsen_gateway_field_usage_total{organisation="${ANALYST}",coordinate="RegionStatistics.families"} 1`,
      ].sort(),
    );
  });

  it(`when more than ${ORGANISATIONS_PER_KIND} organisations have run operations, then the later ones are counted as "other", and a partner coming after them still under its own name`, async () => {
    const gatewayUrl = await system().startAnotherGateway();
    const organisations = Array.from({ length: ORGANISATIONS_PER_KIND + 2 }, (_, index) => `Dinas Sosial ${String(index + 1).padStart(3, '0')}`);
    for (const organisation of organisations) {
      expect(await post(gatewayUrl, await testToken('analyst', { organisation }), `{ household(noKK: "${SUTRISNO_KK}") { noKK } }`)).toBe(200);
    }
    const partner = await testToken('partner', { organisation: PARTNER, programmes: ['PBI_JK'] });
    expect(await post(gatewayUrl, partner, `{ household(noKK: "${SUTRISNO_KK}") { noKK } }`)).toBe(200);

    const lines = await fieldUsageLines(gatewayUrl);

    expect(lines).toEqual(
      [
        ...organisations.slice(0, ORGANISATIONS_PER_KIND).flatMap((organisation) => [
          `dtsen_gateway_field_usage_total{organisation="${organisation}",coordinate="Query.household"} 1`,
          `dtsen_gateway_field_usage_total{organisation="${organisation}",coordinate="Household.noKK"} 1`,
        ]),
        'dtsen_gateway_field_usage_total{organisation="other",coordinate="Query.household"} 2',
        'dtsen_gateway_field_usage_total{organisation="other",coordinate="Household.noKK"} 2',
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="Query.household"} 1`,
        `dtsen_gateway_field_usage_total{organisation="${PARTNER}",coordinate="Household.noKK"} 1`,
      ].sort(),
    );
  });

  it('when an operator runs npm run usage against that gateway, then it prints who uses which field, filtered by field or organisation, as a table or JSON', async () => {
    const gatewayUrl = await gatewayAfterPartnerAndAnalyst();
    const url = metricsUrl(gatewayUrl);

    const [table, byField, byOrganisation] = await Promise.all([
      npmRunUsage('--url', url),
      npmRunUsage('--url', url, '--field', 'Person.nik', '--json'),
      npmRunUsage('--url', url, '--organisation', ANALYST, '--json'),
    ]);

    expect(table).toBe(
      [
        'coordinate                  organisation                  operations',
        'Household.eligibility       BPJS Kesehatan                         1',
        'Household.members           BPJS Kesehatan                         2',
        'Person.nik                  BPJS Kesehatan                         2',
        'ProgramEligibility.program  BPJS Kesehatan                         1',
        'Query.household             BPJS Kesehatan                         2',
        'Query.statistics            Kementerian Sosial, Pusdatin           1',
        'RegionStatistics.families   Kementerian Sosial, Pusdatin           1',
        'Statistics.total            Kementerian Sosial, Pusdatin           1',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(byField)).toEqual([{ coordinate: 'Person.nik', organisation: PARTNER, operations: 2 }]);
    expect(JSON.parse(byOrganisation)).toEqual([
      { coordinate: 'Query.statistics', organisation: ANALYST, operations: 1 },
      { coordinate: 'RegionStatistics.families', organisation: ANALYST, operations: 1 },
      { coordinate: 'Statistics.total', organisation: ANALYST, operations: 1 },
    ]);
  });
}
