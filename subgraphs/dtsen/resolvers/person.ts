import { checkNik, type NikCheck } from '../../../common/identifiers';
import { memoised, requestState } from '../context';
import type { DtsenDependencies } from '../dependencies';
import { personFromInput, type PersonInput, type PersonRepresentation } from '../representation';
import { resolvePerson, type ResolvedPerson } from '../domain/person';

export function personResolvers(deps: DtsenDependencies) {
  function resolved(person: PersonRepresentation, context: unknown): ResolvedPerson {
    return memoised(requestState(context).persons, person, () => resolvePerson(person, deps.evaluationDate));
  }

  return {
    /** The representation carries the @requires fields: it is the person, under the resolution's names. */
    __resolveReference(person: PersonInput): PersonRepresentation {
      return personFromInput(person);
    },
    sources: (person: PersonRepresentation, _args: unknown, context: unknown) => resolved(person, context).sources,
    name: (person: PersonRepresentation, _args: unknown, context: unknown) => resolved(person, context).name,
    sex: (person: PersonRepresentation, _args: unknown, context: unknown) => resolved(person, context).sex,
    birthDate: (person: PersonRepresentation, _args: unknown, context: unknown) => resolved(person, context).birthDate,
    age: (person: PersonRepresentation, _args: unknown, context: unknown) => resolved(person, context).age,
    alive: (person: PersonRepresentation, _args: unknown, context: unknown) => resolved(person, context).alive,
    households: (person: PersonRepresentation, _args: unknown, context: unknown) =>
      resolved(person, context).households.map((noKK) => ({ noKK })),
    nikCheck: (person: Pick<PersonRepresentation, 'nik'>): NikCheck => checkNik(person.nik, deps.evaluationDate),
  };
}
