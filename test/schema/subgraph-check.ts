import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkSubgraph, subgraphExitCode } from '../../gateway/schema-checks/subgraph-candidate';
import { readCommittedSchemas } from '../../gateway/schema-checks/schema-check';
import { readSubgraphSdl } from '../../gateway/supergraph/subgraphs';

// `npm run subgraph:check`: a ministry's subgraph composed with the registry's in memory.

const ROOT = path.join(__dirname, '..', '..');
const committed = readCommittedSchemas();
/** No registered operations: these tests are about the subgraph. */
const operationsDir = path.join(ROOT, 'test', 'schema', 'no-operations');

const HEADER = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag", "@composeDirective"])
  @link(url: "https://dtsen.go.id/spec/disclosure/v1.0", import: ["@disclosure"])
  @composeDirective(name: "@disclosure")
directive @disclosure(class: disclosure__Class!) on FIELD_DEFINITION | OBJECT
enum disclosure__Class { PUBLIC KEY IDENTIFIER NAME ADDRESS BIRTH_DATE NIK_READING SENSITIVE DERIVED }
`;

const PASSED = { status: 'passed', breaking: [], dangerous: [], brokenOperations: [] };

/** `npm run subgraph:check`'s cases (composition.test.ts). */
export function subgraphCheckCases(): void {
  describe('npm run subgraph:check', () => {
    it("when a ministry's subgraph classifies every field and tags with a profile's tag, then it may join: added, nothing broken, exit 0", () => {
      const sdl = `${HEADER}
        "A family."
        type Household @key(fields: "noKK") @disclosure(class: PUBLIC) {
          "No. KK."
          noKK: String! @disclosure(class: KEY) @tag(name: "partner")
          "Whether the family received a zakat grant this year."
          zakatGranted: Boolean @tag(name: "partner-pkh")
        }`;

      const result = checkSubgraph({ name: 'baznas', sdl }, { committed, operationsDir });

      expect({ result, exitCode: subgraphExitCode(result) }).toEqual({
        result: { subgraph: 'baznas', change: 'added', sdlErrors: [], unclassified: [], unknownTags: [], schemaCheck: PASSED },
        exitCode: 0,
      });
    });

    it('when a field has no disclosure class and a tag is no profile\'s, then it exits 1 naming both', () => {
      const sdl = `${HEADER}
        "A family."
        type Household @key(fields: "noKK") {
          "No. KK."
          noKK: String! @disclosure(class: KEY) @tag(name: "partner")
          "The zakat grant this year, in rupiah."
          zakatAmount(
            "The year; this year when omitted."
            year: Int @tag(name: "zakat")
          ): Int @tag(name: "partner-zakat")
        }`;

      const result = checkSubgraph({ name: 'baznas', sdl }, { committed, operationsDir });

      expect({ result, exitCode: subgraphExitCode(result) }).toEqual({
        result: {
          subgraph: 'baznas',
          change: 'added',
          sdlErrors: [],
          unclassified: ['Household.zakatAmount'],
          unknownTags: [
            { tag: 'zakat', coordinate: 'Household.zakatAmount(year:)' },
            { tag: 'partner-zakat', coordinate: 'Household.zakatAmount' },
          ],
          schemaCheck: PASSED,
        },
        exitCode: 1,
      });
    });

    it("when a registry subgraph's name is given, then its SDL is replaced, and a breaking change in it fails the check", () => {
      const sdl = readSubgraphSdl('dtks').replace(
        '    "The previous page\'s `pageInfo.endCursor`; omit for the first page. A cursor of another listing or filter is BAD_USER_INPUT."\n    after: String\n',
        '',
      );

      const result = checkSubgraph({ name: 'dtks', sdl }, { committed, operationsDir });

      expect({ result, exitCode: subgraphExitCode(result) }).toEqual({
        result: {
          subgraph: 'dtks',
          change: 'replaced',
          sdlErrors: [],
          unclassified: [],
          unknownTags: [],
          schemaCheck: {
            status: 'failed',
            breaking: [{ type: 'ARG_REMOVED', description: 'Query.dtksFamilies arg after was removed.', field: 'Query.dtksFamilies', schemas: ['api', 'public', 'analyst', 'auditor'] }],
            dangerous: [],
            brokenOperations: [],
          },
        },
        exitCode: 1,
      });
    });

    it('when the template of docs/partner-subgraph-template is checked as the README says, then it may join', async () => {
      const { stdout } = await promisify(execFile)(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        [path.join(ROOT, 'scripts', 'subgraph-check.ts'), '--name', 'template', '--sdl', 'docs/partner-subgraph-template/schema.graphql', '--json', '--operations-dir', operationsDir],
        { cwd: ROOT },
      );

      expect(JSON.parse(stdout)).toEqual({ subgraph: 'template', change: 'added', sdlErrors: [], unclassified: [], unknownTags: [], schemaCheck: PASSED });
    });
  });
}
