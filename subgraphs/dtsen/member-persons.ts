import type { DirectoryLoaders } from '../../subgraph-calls/register-directory';
import { withAsked, type MemberRecords } from './domain/member-records';
import type { NameRegister, PersonRepresentation } from './representation';

/**
 * A member of `Household.members` with the records of the registers its family's fetch did not
 * bring, asked by NIK through the request's loaders (one call per register for the whole request)
 * and only when a field that reads them is asked. A register that cannot be asked stays unknown.
 * Any other person is returned as it is: its representation holds what its fields read.
 */
export async function askedRecords(person: PersonRepresentation, loaders: DirectoryLoaders['memberRecords']): Promise<PersonRepresentation> {
  if (!person.unasked?.length) return person;
  const asked = await Promise.all(
    person.unasked.map(async (register: NameRegister) => [register, await loaders[register].load(person.nik).catch(() => undefined)] as const),
  );
  return withAsked(person, Object.fromEntries(asked) as MemberRecords);
}
