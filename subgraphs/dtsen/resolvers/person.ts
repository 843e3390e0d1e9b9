import { checkNik } from '../../../common/identifiers';
import { memoised, requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import type { FederationReferenceTypes, PersonResolvers, ResolversParentTypes } from '../generated/resolvers-types';
import { personFromInput, type PersonInput, type PersonRepresentation } from '../representation';
import { resolvePerson, type ResolvedPerson } from '../domain/person';
import { personSources } from '../domain/sources';

/** What `__resolveReference` receives: the key and the @requires selection, as household.ts explains. */
type PersonReference = FederationReferenceTypes['Person'] & PersonInput;

export function personResolvers(deps: DtsenDependencies): PersonResolvers<DtsenContext, ResolversParentTypes['Person'], PersonReference> {
  function resolved(person: PersonRepresentation, context: DtsenContext): ResolvedPerson {
    return memoised(requestState(context).persons, person, () => resolvePerson(person, deps.evaluationDate));
  }

  return {
    /** The representation carries the @requires fields: it is the person, under the resolution's names. */
    __resolveReference(person: PersonInput) {
      return personFromInput(person);
    },
    sources: (person) => personSources(person),
    name: (person, _args, context) => resolved(person, context).name,
    sex: (person, _args, context) => resolved(person, context).sex,
    birthDate: (person, _args, context) => resolved(person, context).birthDate,
    age: (person, _args, context) => resolved(person, context).age,
    alive: (person, _args, context) => resolved(person, context).alive,
    households: (person, _args, context) => resolved(person, context).households.map((noKK) => ({ noKK })),
    nikCheck: (person) => checkNik(person.nik, deps.evaluationDate),
  };
}
