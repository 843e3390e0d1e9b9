import { checkNik } from '../../../common/identifiers';
import { memoised, requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import type { FederationReferenceTypes, PersonResolvers, ResolversParentTypes } from '../generated/resolvers-types';
import { listingsOf, personFromInput, type PersonInput, type PersonRepresentation } from '../representation';
import { askedRecords } from '../member-persons';
import { personHouseholds, resolvePerson, type ResolvedPerson } from '../domain/person';
import { personSources } from '../domain/sources';

/** What `__resolveReference` receives: the key and the @requires selection, as household.ts explains. */
type PersonReference = FederationReferenceTypes['Person'] & PersonInput;

export function personResolvers(deps: DtsenDependencies): PersonResolvers<DtsenContext, ResolversParentTypes['Person'], PersonReference> {
  function complete(person: PersonRepresentation, context: DtsenContext): Promise<PersonRepresentation> {
    return memoised(requestState(context).completePersons, person, () => askedRecords(person, requestState(context).loaders.memberRecords));
  }
  function resolved(person: PersonRepresentation, context: DtsenContext): Promise<ResolvedPerson> {
    return memoised(requestState(context).persons, person, async () => resolvePerson(await complete(person, context), deps.evaluationDate));
  }

  return {
    /** The representation carries the @requires fields: it is the person, under the resolution's names. */
    __resolveReference(person: PersonInput) {
      return personFromInput(person);
    },
    sources: (person) => personSources(listingsOf(person)),
    name: async (person, _args, context) => (await resolved(person, context)).name,
    sex: async (person, _args, context) => (await resolved(person, context)).sex,
    birthDate: async (person, _args, context) => (await resolved(person, context)).birthDate,
    age: async (person, _args, context) => (await resolved(person, context)).age,
    alive: async (person, _args, context) => (await resolved(person, context)).alive,
    households: (person) => personHouseholds(listingsOf(person)).map((noKK) => ({ noKK })),
    // Asked only under `Household.members`, which provides them (its @provides): the records that
    // decide the member's name.
    dtksInputRecords: async (person, _args, context) => (await complete(person, context)).dtksRecords ?? [],
    regsosekInputRecords: async (person, _args, context) => (await complete(person, context)).regsosekRecords ?? [],
    p3keInputRecords: async (person, _args, context) => (await complete(person, context)).p3keRecords ?? [],
    nikCheck: (person) => checkNik(person.nik, deps.evaluationDate),
  };
}
