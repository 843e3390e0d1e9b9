import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { PROGRAMMES, RECEIPT_PROGRAMMES } from '../../common/programmes';
import { RULE_SET_DIRECTORY, loadRuleSet } from '../../subgraphs/dtsen/rules/rule-set';
import { SCHEMA_DIR } from '../../gateway/supergraph/subgraphs';

const SUBGRAPHS_DIR = path.join(__dirname, '..', '..', 'subgraphs');

// The SDL and the rule set are not TypeScript, so nothing but this test ties them to common/programmes.ts.

interface ProgrammeEnum {
  readonly enumIn: string;
  readonly values: readonly string[];
}

const ALL = new Set<string>(PROGRAMMES);

/** Every enum of every schema file that holds at least one programme, values as the file lists them. */
function programmeEnums(): ProgrammeEnum[] {
  const files = [
    ...readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.graphql')).map((name) => ({ file: name, at: path.join(SCHEMA_DIR, name) })),
    ...readdirSync(SUBGRAPHS_DIR)
      .filter((name) => existsSync(path.join(SUBGRAPHS_DIR, name, 'schema.graphql')))
      .map((name) => ({ file: `${name}.graphql`, at: path.join(SUBGRAPHS_DIR, name, 'schema.graphql') })),
  ];
  return files
    .sort((a, b) => a.file.localeCompare(b.file))
    .flatMap(({ file, at }) =>
      parse(readFileSync(at, 'utf8'))
        .definitions.filter((definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION)
        .map((definition) => ({ enumIn: `${file} ${definition.name.value}`, values: (definition.values ?? []).map((value) => value.name.value) }))
        .filter(({ values }) => values.some((value) => ALL.has(value))),
    );
}

/** api.graphql is printed sorted; the subgraphs' SDL and the supergraph keep the canonical order. */
const sorted = (programmes: readonly string[]): readonly string[] => [...programmes].sort();

describe('the programme list', () => {
  it('when the schema files declare programme enums, then Program lists every programme and DtksProgram those DTKS records receipt of', () => {
    const found = programmeEnums();

    expect(found).toEqual([
      { enumIn: 'api.graphql DtksProgram', values: sorted(RECEIPT_PROGRAMMES) },
      { enumIn: 'api.graphql Program', values: sorted(PROGRAMMES) },
      { enumIn: 'changes.graphql Program', values: PROGRAMMES },
      { enumIn: 'dtks.graphql DtksProgram', values: RECEIPT_PROGRAMMES },
      { enumIn: 'dtsen.graphql Program', values: PROGRAMMES },
      { enumIn: 'dtsen.graphql DtksProgram', values: RECEIPT_PROGRAMMES },
      { enumIn: 'supergraph.graphql DtksProgram', values: RECEIPT_PROGRAMMES },
      { enumIn: 'supergraph.graphql Program', values: PROGRAMMES },
    ]);
  });

  it('when the 2025 rule set is loaded, then it has rules for exactly the programmes', () => {
    expect(Object.keys(loadRuleSet('2025').programs)).toEqual([...PROGRAMMES]);
  });

  it('when a rule set leaves a programme out, then loading it fails naming the programme', () => {
    const json = JSON.parse(readFileSync(path.join(RULE_SET_DIRECTORY, 'rule-set-2025.json'), 'utf8'));
    json.version = 'x';
    delete json.programs.BLT_DD;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dtsen-programmes-')), 'rule-set-x.json');
    writeFileSync(file, JSON.stringify(json));

    expect(() => loadRuleSet('x', path.dirname(file))).toThrow(`Rule set "x" (${file}) is malformed: ruleSet.programs.BLT_DD is missing`);
  });
});
