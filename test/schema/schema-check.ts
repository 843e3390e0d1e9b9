import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROFILES } from '../../common/auth/contract-profiles';
import { checkSchema, exitCodeOf, readCommittedSchemas } from '../../gateway/schema-checks/schema-check';
import { schemaCheckReport } from '../../gateway/schema-checks/schema-check-report';
import { registrySubgraphSdls, type SubgraphSdl } from '../../gateway/supergraph/subgraphs';
import { documentHash, manifestJson, manifestPath } from '../../gateway/trusted-documents/manifests';
import { recordRegisteredProfile } from '../../gateway/trusted-documents/registered-profiles';

// `npm run schema:check` driven with SDLs changed in memory: the repository's files stay as they are.

const REGISTRY = registrySubgraphSdls();
const committed = readCommittedSchemas();

/** The registry's SDLs with `from` replaced by `to` in one subgraph's; throws when `from` is not there, so a test cannot pass by editing nothing. */
function edited(name: string, from: string, to: string): SubgraphSdl[] {
  return REGISTRY.map((subgraph) => {
    if (subgraph.name !== name) return subgraph;
    if (!subgraph.sdl.includes(from)) throw new Error(`subgraphs/${name}/schema.graphql no longer holds ${JSON.stringify(from)}`);
    return { ...subgraph, sdl: subgraph.sdl.replace(from, to) };
  });
}

const PBI_ELIGIBILITY = 'query PbiEligibility($noKK: String!) { household(noKK: $noKK) { eligibility { program eligible } } }';
const CITY_STATISTICS = 'query CityStatistics { statistics(level: CITY) { level regionPrefix } }';
const ELIGIBLE_FIELD = '  "True when the family meets the programme\'s conditions under the rule set (desil cut-off, exclusions such as a car; see reasons)."\n  eligible: Boolean!\n';

/** `npm run schema:check`'s cases (composition.test.ts). */
export function schemaCheckCases(): void {
  describe('npm run schema:check', () => {
    let operationsDir: string;
    beforeAll(() => {
      // BPJS Kesehatan's app, registered against the PBI-JK contract as `npm run operations -- register` leaves it.
      operationsDir = path.join(mkdtempSync(path.join(tmpdir(), 'schema-check-')), 'operations');
      const manifest = manifestPath(operationsDir, 'BPJS Kesehatan', 'pbi-mobile');
      mkdirSync(path.dirname(manifest), { recursive: true });
      writeFileSync(manifest, manifestJson([{ id: documentHash(PBI_ELIGIBILITY), name: 'PbiEligibility', type: 'query', body: PBI_ELIGIBILITY }]));
      recordRegisteredProfile(operationsDir, 'BPJS Kesehatan', 'pbi-mobile', 'partner-pbi-jk');
      // An analysts' app committed by hand, its profile not recorded: checked against every contract that accepts it today.
      const analysts = manifestPath(operationsDir, 'Kementerian Sosial', 'dashboard');
      mkdirSync(path.dirname(analysts), { recursive: true });
      writeFileSync(analysts, manifestJson([{ id: documentHash(CITY_STATISTICS), name: 'CityStatistics', type: 'query', body: CITY_STATISTICS }]));
    });
    afterAll(() => rmSync(path.dirname(operationsDir), { recursive: true, force: true }));

    it("when the repository's SDLs and registered operations are checked against the committed schemas, then nothing breaks (what CI runs)", () => {
      const result = checkSchema();

      expect({ result, exitCode: exitCodeOf(result) }).toEqual({ result: { status: 'passed', breaking: [], dangerous: [], brokenOperations: [] }, exitCode: 0 });
    });

    it('when a field a registered operation selects is removed, then it fails naming the organisation, the app, the operation, the field and the contracts it is removed from', () => {
      const result = checkSchema({ subgraphs: edited('dtsen', ELIGIBLE_FIELD, ''), committed, operationsDir });

      expect({ result, exitCode: exitCodeOf(result), report: schemaCheckReport(result) }).toEqual({
        result: {
          status: 'failed',
          breaking: [{ type: 'FIELD_REMOVED', description: 'ProgramEligibility.eligible was removed.', field: 'ProgramEligibility.eligible', schemas: ['api', ...PROFILES] }],
          dangerous: [],
          brokenOperations: [
            {
              organisation: 'bpjs-kesehatan',
              app: 'pbi-mobile',
              operation: 'PbiEligibility',
              id: documentHash(PBI_ELIGIBILITY),
              profile: 'partner-pbi-jk',
              coordinate: 'ProgramEligibility.eligible',
              message: 'Cannot query field "eligible" on type "ProgramEligibility".',
            },
          ],
        },
        exitCode: 1,
        report: [
          'Registered operations the change breaks (1):',
          '  bpjs-kesehatan / pbi-mobile / PbiEligibility (contract partner-pbi-jk): ProgramEligibility.eligible: Cannot query field "eligible" on type "ProgramEligibility".',
          '    who uses it: npm run usage -- --field ProgramEligibility.eligible --json',
          'Breaking changes (1); "affects" names the API schema (api) and the contracts they change:',
          '  ProgramEligibility.eligible was removed. [FIELD_REMOVED]',
          `    affects: api, ${PROFILES.join(', ')}`,
          '    who uses it: npm run usage -- --field ProgramEligibility.eligible --json',
          'Schema check failed. Deprecate before removing (docs/partners.md, "Deprecation policy"), and ask who still uses a field with the command shown.',
        ].join('\n'),
      });
    });

    it('when a nullable field is added, then it passes', () => {
      const result = checkSchema({
        subgraphs: edited('dtsen', ELIGIBLE_FIELD, `${ELIGIBLE_FIELD}  "Whether the programme's quota in the family's region is full."\n  quotaFull: Boolean\n`),
        committed,
        operationsDir,
      });

      expect({ result, exitCode: exitCodeOf(result) }).toEqual({ result: { status: 'passed', breaking: [], dangerous: [], brokenOperations: [] }, exitCode: 0 });
    });

    it('when a nullable argument is made required, then it is breaking for the API schema and the contracts holding its field (statistics: analyst) only, and an operation leaving it out is broken', () => {
      const result = checkSchema({ subgraphs: edited('dtsen', '    regionPrefix: String\n    "The level to count at', '    regionPrefix: String!\n    "The level to count at'), committed, operationsDir });

      expect({ result, exitCode: exitCodeOf(result) }).toEqual({
        result: {
          status: 'failed',
          breaking: [{ type: 'ARG_CHANGED_KIND', description: 'Query.statistics arg regionPrefix has changed type from String to String!.', field: 'Query.statistics', schemas: ['api', 'analyst'] }],
          dangerous: [],
          brokenOperations: [
            {
              organisation: 'kementerian-sosial',
              app: 'dashboard',
              operation: 'CityStatistics',
              id: documentHash(CITY_STATISTICS),
              profile: 'analyst',
              coordinate: 'Query.statistics',
              message: 'Field "statistics" argument "regionPrefix" of type "String!" is required, but it was not provided.',
            },
          ],
        },
        exitCode: 1,
      });
    });

    it("when a change is outside the partners' contracts (a DTKS listing's argument), then no partner contract and no partner operation is broken", () => {
      const after = '    "The previous page\'s `pageInfo.endCursor`; omit for the first page. A cursor of another listing or filter is BAD_USER_INPUT."\n    after: String\n  ): DtksFamilyConnection!';

      const result = checkSchema({ subgraphs: edited('dtks', after, '  ): DtksFamilyConnection!'), committed, operationsDir });

      expect(result).toEqual({
        status: 'failed',
        breaking: [{ type: 'ARG_REMOVED', description: 'Query.dtksFamilies arg after was removed.', field: 'Query.dtksFamilies', schemas: ['api', 'public', 'analyst', 'auditor'] }],
        dangerous: [],
        brokenOperations: [],
      });
    });

    it("when a field dtsen's @requires reads is removed, then the subgraphs do not compose: it names the field and exits 2", () => {
      const result = checkSchema({
        subgraphs: edited('dtks', '  "Legacy welfare percentile 0-100; null when not ranked (only the bottom 40 are ranked)."\n  welfarePercentile: Int\n', ''),
        committed,
        operationsDir,
      });
      const report = schemaCheckReport(result);

      expect({ status: result.status, exitCode: exitCodeOf(result), firstLine: report.split('\n')[0], namesTheField: report.includes('welfarePercentile') }).toEqual({
        status: 'composition-failed',
        exitCode: 2,
        firstLine: 'Composition failed:',
        namesTheField: true,
      });
    });

    it('when an SDL is not GraphQL, then the syntax error names its subgraph and it exits 2', () => {
      const result = checkSchema({ subgraphs: edited('dtks', '  welfarePercentile: Int\n', ''), committed, operationsDir });

      expect({ result, exitCode: exitCodeOf(result) }).toEqual({
        result: { status: 'composition-failed', errors: ['dtks: Syntax Error: Expected Name, found String "Programme receipts recorded by Kemensos.".'] },
        exitCode: 2,
      });
    });
  });
}
