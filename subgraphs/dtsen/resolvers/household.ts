import { memoised, requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import { disclosedEligibility, disclosedIssues, disclosedTargeting } from '../disclosure';
import type { FederationReferenceTypes, HouseholdResolvers, ResolversParentTypes } from '../generated/resolvers-types';
import { householdFromInput, type HouseholdInput, type HouseholdRepresentation } from '../representation';
import { detectDataQuality } from '../domain/data-quality';
import { eligibilityWithoutSensitiveData, resolveHousehold, type HouseholdResolution } from '../domain/household';
import { householdSources, unavailableSources } from '../domain/sources';
import { memberPerson } from '../domain/member-records';
import { historyResolver } from './history';

/**
 * What `__resolveReference` receives: the key and the @requires selection of the fields asked, as
 * the generated reference type says, read through representation.ts's field-by-field view of them.
 */
type HouseholdReference = FederationReferenceTypes['Household'] & HouseholdInput;

export function householdResolvers(deps: DtsenDependencies): HouseholdResolvers<DtsenContext, ResolversParentTypes['Household'], HouseholdReference> {
  function resolution(household: HouseholdRepresentation, context: DtsenContext): HouseholdResolution {
    return memoised(requestState(context).households, household, () =>
      resolveHousehold(household, deps.ruleSet, deps.evaluationDate),
    );
  }

  return {
    /**
     * The representation carries the @requires fields: it is the household, under the resolution's
     * names. One object per entity, so the fields below share its memoised resolution.
     */
    __resolveReference(household: HouseholdInput) {
      return householdFromInput(household);
    },
    sources: (household) => householdSources(household),
    unavailableSources: (household) => unavailableSources(household),
    members: (household, _args, context) => resolution(household, context).members.map(memberPerson),
    region: (household, _args, context) => resolution(household, context).region,
    desil: (household, _args, context) => resolution(household, context).desil,
    eligibility: (household, _args, context) => {
      const full = resolution(household, context);
      return disclosedEligibility(requestState(context).principal, full.eligibility, () =>
        eligibilityWithoutSensitiveData(household, deps.ruleSet, deps.evaluationDate, full),
      );
    },
    targeting: (household, _args, context) => disclosedTargeting(requestState(context).principal, resolution(household, context).targeting),
    dataQuality: (household, _args, context) =>
      disclosedIssues(
        requestState(context).principal,
        memoised(requestState(context).dataQuality, household, () => detectDataQuality(household, deps.ruleSet, deps.evaluationDate)),
      ),
    history: historyResolver(deps),
  };
}
