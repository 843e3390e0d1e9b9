import { fullText } from '../../../subgraphs/dtsen/domain/statement';
import { checkExclusions } from '../../../subgraphs/dtsen/domain/exclusions';
import { livingMembers } from '../../../subgraphs/dtsen/domain/members';
import type { HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import type { RuleSet } from '../../../subgraphs/dtsen/rules/rule-set';
import { EVALUATION_DATE, FATHER, MOTHER, RULES, household, regsosekFamily, regsosekMember } from './fixtures';

function exclusionsOf(family: HouseholdRepresentation, rules: RuleSet = RULES) {
  const check = checkExclusions(family, livingMembers(family, EVALUATION_DATE), rules.exclusions);
  return {
    ...check,
    findings: check.findings.map((finding) => ({ ...finding, reason: fullText(finding.reason) })),
    reasons: check.reasons.map(fullText),
  };
}

const NONE_APPLIES =
  'No exclusion applies: no member works as civil servant/army/police/state-enterprise employee or official, no car and installed electricity not above 1,300 VA';

describe('checkExclusions', () => {
  it('when no living member is in public employment, the family has no car and 900 VA, then nothing applies', () => {
    expect(exclusionsOf(household())).toEqual({ checked: true, findings: [], reasons: [NONE_APPLIES] });
  });

  it('when a member works as civil servant/army/police (employment status 5), then the family is excluded', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER, { employmentStatus: 5 }), regsosekMember(MOTHER)] }),
    });

    expect(exclusionsOf(family)).toEqual({
      checked: true,
      findings: [
        {
          kind: 'PUBLIC_EMPLOYMENT',
          reason: `A member (${FATHER.nik}) works as civil servant/army/police/state-enterprise employee or official (Regsosek employment status 5)`,
        },
      ],
      reasons: [
        `A member (${FATHER.nik}) works as civil servant/army/police/state-enterprise employee or official (Regsosek employment status 5)`,
      ],
    });
  });

  it('when the civil servant has died, then the family is not excluded for them', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER, { employmentStatus: 5, presence: 2 }), regsosekMember(MOTHER)] }),
    });

    expect(exclusionsOf(family)).toEqual({ checked: true, findings: [], reasons: [NONE_APPLIES] });
  });

  it('when the family owns a car, then it is excluded', () => {
    const family = household({ regsosek: regsosekFamily({ assets: { car: true } }) });

    expect(exclusionsOf(family)).toEqual({
      checked: true,
      findings: [{ kind: 'CAR', reason: 'The family owns a car (Regsosek assets)' }],
      reasons: ['The family owns a car (Regsosek assets)'],
    });
  });

  it('when installed power is 2,200 VA, then it is above the 1,300 VA limit', () => {
    const family = household({ regsosek: regsosekFamily({ housing: { installedPower: 4 } }) });

    expect(exclusionsOf(family).findings).toEqual([
      { kind: 'ELECTRICITY', reason: 'Installed electricity 2,200 VA is above the 1,300 VA limit (Regsosek installed power code 4)' },
    ]);
  });

  it('when installed power is above 2,200 VA, then it is above the limit', () => {
    const family = household({ regsosek: regsosekFamily({ housing: { installedPower: 5 } }) });

    expect(exclusionsOf(family).findings).toEqual([
      {
        kind: 'ELECTRICITY',
        reason: 'Installed electricity above 2,200 VA is above the 1,300 VA limit (Regsosek installed power code 5)',
      },
    ]);
  });

  it('when installed power is exactly 1,300 VA or there is no PLN meter, then it is not an exclusion', () => {
    const at1300 = household({ regsosek: regsosekFamily({ housing: { installedPower: 3 } }) });
    const noMeter = household({ regsosek: regsosekFamily({ housing: { installedPower: null } }) });

    expect([exclusionsOf(at1300).findings, exclusionsOf(noMeter).findings]).toEqual([[], []]);
  });

  it('when the rule set lowers the threshold to 450 VA, then 900 VA is excluded', () => {
    const rules: RuleSet = {
      ...RULES,
      exclusions: { ...RULES.exclusions, electricity: { ...RULES.exclusions.electricity, maxInstalledPowerVA: 450 } },
    };

    expect(exclusionsOf(household(), rules).findings).toEqual([
      { kind: 'ELECTRICITY', reason: 'Installed electricity 900 VA is above the 450 VA limit (Regsosek installed power code 2)' },
    ]);
  });

  it('when the car exclusion is switched off, then a car does not exclude and is not mentioned', () => {
    const rules: RuleSet = { ...RULES, exclusions: { ...RULES.exclusions, car: { enabled: false } } };
    const family = household({ regsosek: regsosekFamily({ assets: { car: true } }) });

    expect(exclusionsOf(family, rules)).toEqual({
      checked: true,
      findings: [],
      reasons: [
        'No exclusion applies: no member works as civil servant/army/police/state-enterprise employee or official and installed electricity not above 1,300 VA',
      ],
    });
  });

  it('when Regsosek does not hold the family, then exclusions are not checked and say so', () => {
    expect(exclusionsOf(household({ regsosek: null }))).toEqual({
      checked: false,
      findings: [],
      reasons: ['Regsosek does not hold the family, so exclusions (employment, car, electricity) could not be checked'],
    });
  });

  it('when Regsosek could not be asked, then exclusions are not checked and say so', () => {
    expect(exclusionsOf(household({ regsosek: undefined })).reasons).toEqual([
      'Regsosek could not be asked about the family, so exclusions (employment, car, electricity) could not be checked',
    ]);
  });
});
