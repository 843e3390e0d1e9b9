import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import type { FamilyLoaders } from '../loaders';
import { decodeCursor, parseFirst, toFamilyConnection, type FamilyConnection } from '../pagination';
import type { Register } from '../store-url';
import type { FamilyRepository } from '../store/family-repository';

// The resolvers every source register has, parameterised by the register: the three subgraphs
// differ in their records, not in how they resolve them.

/** The per-request context of a source subgraph. */
export interface RegisterContext<Family, Member, Filter> {
  readonly repository: FamilyRepository<Family, Member, Filter>;
  readonly loaders: FamilyLoaders<Family, Member>;
}

// The records differ per register; these resolvers only pass them through.
type AnyRegisterContext = RegisterContext<any, any, any>;

/** A register's resolver map, as buildSubgraphSchema takes it. */
export type RegisterResolvers = GraphQLResolverMap<AnyRegisterContext>;

/** NIK and No. KK columns hold at most 16 characters: anything else cannot be in the store. */
const MAX_KEY_LENGTH = 16;

/**
 * The key to look up, or null when the representation's key cannot match a stored one. Keys are
 * not checked for structure: a register holds malformed NIKs too, and they must be found.
 */
function lookupKey(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH ? value : null;
}

/** `Household`: the reference keeps only the key; the register's field loads the family. */
export function householdResolvers(register: Register) {
  return {
    __resolveReference: (reference: { noKK?: unknown }) => ({ noKK: reference.noKK }),
    [register]: (household: { noKK?: unknown }, _args: unknown, context: AnyRegisterContext) => {
      const noKK = lookupKey(household.noKK);
      return noKK === null ? null : context.loaders.familyByNoKK.load(noKK);
    },
  };
}

/** `Person`: `<register>` is the most recent member record with the NIK, `<register>Records` all of them. */
export function personResolvers(register: Register) {
  const records = (person: { nik?: unknown }, context: AnyRegisterContext): Promise<unknown[]> => {
    const nik = lookupKey(person.nik);
    return nik === null ? Promise.resolve([]) : context.loaders.membersByNik.load(nik);
  };
  return {
    __resolveReference: (reference: { nik?: unknown }) => ({ nik: reference.nik }),
    [register]: async (person: { nik?: unknown }, _args: unknown, context: AnyRegisterContext) =>
      (await records(person, context))[0] ?? null,
    [`${register}Records`]: (person: { nik?: unknown }, _args: unknown, context: AnyRegisterContext) => records(person, context),
  };
}

/** `<Register>Member`: the person behind a member record, by NIK. */
export function memberResolvers() {
  return {
    person: (member: { nik: string }) => ({ nik: member.nik }),
  };
}

export interface FamilyListingArgs<Filter> {
  readonly filter?: Filter | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** `Query.<register>Families`: a keyset page of households; the register's field loads each. */
export function familyListingResolver() {
  return async (_root: unknown, args: FamilyListingArgs<unknown>, context: AnyRegisterContext): Promise<FamilyConnection> => {
    const first = parseFirst(args.first);
    const afterNoKK = decodeCursor(args.after);
    return toFamilyConnection(await context.repository.listFamilies(args.filter, first, afterNoKK));
  };
}
