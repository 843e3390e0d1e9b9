import { memoised, requestState } from '../context';
import type { DtsenDependencies } from '../dependencies';
import { disclosedEligibility, disclosedIssues, disclosedTargeting } from '../disclosure';
import {
  householdFromInput,
  type HouseholdInput,
  type HouseholdKeysRepresentation,
  type HouseholdQualityRepresentation,
  type HouseholdRepresentation,
} from '../representation';
import { detectDataQuality } from '../domain/data-quality';
import { eligibilityWithoutSensitiveData, resolveHousehold, type HouseholdResolution } from '../domain/household';
import { householdSources, unavailableSources } from '../domain/sources';

export function householdResolvers(deps: DtsenDependencies) {
  function resolution(household: HouseholdRepresentation, context: unknown): HouseholdResolution {
    return memoised(requestState(context).households, household, () =>
      resolveHousehold(household, deps.ruleSet, deps.evaluationDate),
    );
  }

  return {
    /**
     * The representation carries the @requires fields: it is the household, under the resolution's
     * names. One object per entity, so the fields below share its memoised resolution.
     */
    __resolveReference(household: HouseholdInput): HouseholdQualityRepresentation {
      return householdFromInput(household);
    },
    sources: (household: HouseholdKeysRepresentation) => householdSources(household),
    unavailableSources: (household: HouseholdKeysRepresentation) => unavailableSources(household),
    members: (household: HouseholdRepresentation, _args: unknown, context: unknown) =>
      resolution(household, context).members.map((member) => ({ nik: member.nik })),
    region: (household: HouseholdRepresentation, _args: unknown, context: unknown) => resolution(household, context).region,
    desil: (household: HouseholdRepresentation, _args: unknown, context: unknown) => resolution(household, context).desil,
    eligibility: (household: HouseholdRepresentation, _args: unknown, context: unknown) => {
      const full = resolution(household, context);
      return disclosedEligibility(requestState(context).principal, full.eligibility, () =>
        eligibilityWithoutSensitiveData(household, deps.ruleSet, deps.evaluationDate, full),
      );
    },
    targeting: (household: HouseholdRepresentation, _args: unknown, context: unknown) =>
      disclosedTargeting(requestState(context).principal, resolution(household, context).targeting),
    dataQuality: (household: HouseholdQualityRepresentation, _args: unknown, context: unknown) =>
      disclosedIssues(
        requestState(context).principal,
        memoised(requestState(context).dataQuality, household, () => detectDataQuality(household, deps.ruleSet, deps.evaluationDate)),
      ),
  };
}
