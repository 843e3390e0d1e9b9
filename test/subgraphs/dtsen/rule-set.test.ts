import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RULE_SET_DIRECTORY, loadRuleSet } from '../../../subgraphs/dtsen/rules/rule-set';

const DEFAULT_FILE = path.join(RULE_SET_DIRECTORY, 'rule-set-2025.json');

function defaultJson(): Record<string, any> {
  return JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
}

function directoryWith(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'dtsen-rules-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(directory, name), content);
  return directory;
}

describe('loadRuleSet', () => {
  it('when asked for 2025, then returns the file as written, validated and frozen', () => {
    const ruleSet = loadRuleSet('2025');

    expect(ruleSet).toEqual(defaultJson());
    expect(Object.isFrozen(ruleSet.programs.PKH.components[0])).toBe(true);
  });

  it('when asked for 2025, then carries the cut-offs and amounts of programs.md', () => {
    const { programs, desil, exclusions } = loadRuleSet('2025');

    expect({
      cutOffs: [programs.PKH.maxDesil, programs.BPNT.maxDesil, programs.PBI_JK.maxDesil, programs.PIP.maxDesil],
      monthly: [programs.BPNT.monthlyAmount, programs.PBI_JK.monthlyAmountPerPerson, programs.BLT_DD.monthlyAmount],
      pip: programs.PIP.annualAmounts,
      pkh: programs.PKH.components.map((rule) => [rule.component, rule.annualAmount, rule.cap]),
      powerLimit: exclusions.electricity.maxInstalledPowerVA,
      conflictDistance: desil.conflictDistance,
    }).toEqual({
      cutOffs: [4, 4, 5, 4],
      monthly: [200000, 42000, 300000],
      pip: { SD: 450000, SMP: 750000, SMA: 1800000 },
      pkh: [
        ['PREGNANT', 3000000, 2],
        ['PUPIL_SD', 900000, null],
        ['PUPIL_SMP', 1500000, null],
        ['PUPIL_SMA', 2000000, null],
        ['EARLY_CHILDHOOD', 3000000, 2],
        ['SEVERE_DISABILITY', 2400000, 1],
        ['ELDERLY', 2400000, 1],
      ],
      powerLimit: 1300,
      conflictDistance: 2,
    });
  });

  it('when the version has no file, then fails naming the version and the known ones', () => {
    const directory = directoryWith({ 'rule-set-2025.json': JSON.stringify(defaultJson()) });

    expect(() => loadRuleSet('2031', directory)).toThrow(
      `Unknown rule set "2031": no ${path.join(directory, 'rule-set-2031.json')} (known: 2025)`,
    );
  });

  it('when the version is not a plain name, then fails before touching the file system', () => {
    expect(() => loadRuleSet('../2025')).toThrow('Rule set version "../2025" is not a valid version name');
  });

  it('when the file is not JSON, then fails naming the file', () => {
    const directory = directoryWith({ 'rule-set-bad.json': '{ "version": ' });

    expect(() => loadRuleSet('bad', directory)).toThrow(
      new RegExp(`^Rule set "bad" \\(${path.join(directory, 'rule-set-bad.json')}\\) is not valid JSON: `),
    );
  });

  it('when a cut-off is out of range, then fails naming the parameter', () => {
    const json = defaultJson();
    json['version'] = 'x';
    json['programs']['BPNT']['maxDesil'] = 11;
    const directory = directoryWith({ 'rule-set-x.json': JSON.stringify(json) });

    expect(() => loadRuleSet('x', directory)).toThrow(
      `Rule set "x" (${path.join(directory, 'rule-set-x.json')}) is malformed: ruleSet.programs.BPNT.maxDesil must be an integer 1-10`,
    );
  });

  it('when a parameter is misspelt, then fails naming the missing one', () => {
    const json = defaultJson();
    json['version'] = 'x';
    json['programs']['PIP']['maxDesill'] = json['programs']['PIP']['maxDesil'];
    delete json['programs']['PIP']['maxDesil'];
    const directory = directoryWith({ 'rule-set-x.json': JSON.stringify(json) });

    expect(() => loadRuleSet('x', directory)).toThrow('is malformed: ruleSet.programs.PIP.maxDesil is missing');
  });

  it('when the file has a parameter the rule set does not know, then fails naming it', () => {
    const json = defaultJson();
    json['version'] = 'x';
    json['exclusions']['car']['threshold'] = 1;
    const directory = directoryWith({ 'rule-set-x.json': JSON.stringify(json) });

    expect(() => loadRuleSet('x', directory)).toThrow('is malformed: ruleSet.exclusions.car.threshold is not a known parameter');
  });

  it('when an age-defined PKH component has no age bound, then fails', () => {
    const json = defaultJson();
    json['version'] = 'x';
    json['programs']['PKH']['components'][6]['minAge'] = null;
    const directory = directoryWith({ 'rule-set-x.json': JSON.stringify(json) });

    expect(() => loadRuleSet('x', directory)).toThrow('is malformed: ruleSet.programs.PKH.components[6] must set minAge or maxAge for ELDERLY');
  });

  it('when a PKH component is listed twice, then fails', () => {
    const json = defaultJson();
    json['version'] = 'x';
    json['programs']['PKH']['components'][1]['component'] = 'PREGNANT';
    const directory = directoryWith({ 'rule-set-x.json': JSON.stringify(json) });

    expect(() => loadRuleSet('x', directory)).toThrow(
      'is malformed: ruleSet.programs.PKH.components must list each of PREGNANT, EARLY_CHILDHOOD, PUPIL_SD, PUPIL_SMP, PUPIL_SMA, SEVERE_DISABILITY, ELDERLY once',
    );
  });

  it("when the file's version differs from its name, then fails", () => {
    const directory = directoryWith({ 'rule-set-2026.json': JSON.stringify(defaultJson()) });

    expect(() => loadRuleSet('2026', directory)).toThrow('is malformed: ruleSet.version is "2025"');
  });
});
