import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import type { Principal } from '../auth/principal';
import { forbidden } from '../errors';
import type { FamilyLoaders } from '../loaders';
import type { CursorCodec } from '../cursor';
import { parseFirst, toFamilyConnection, type FamilyConnection } from '../pagination';
import type { Register } from '../store-url';
import type { AuditRecord } from '../store/audit-records';
import type { FamilyRepository } from '../store/family-repository';
import { inRegions, regionPrefixes, requireScope } from './access';
import type { AuditRecorder } from './audit-recorder';
import { personOfMember, piiField, unmasked } from './record-fields';
import type { RequestLogging } from '../logging/http-logging';

// The resolvers every source register has, parameterised by the register: the three subgraphs
// differ in their records, not in how they resolve them.

/** The per-request context of a source subgraph. */
/** A register request's context; its id and logger (RequestLogging) are the gateway request's. */
export interface RegisterContext<Family, Member, Filter> extends RequestLogging {
  /** Who asks, as the gateway signed it. */
  readonly principal: Principal;
  readonly repository: FamilyRepository<Family, Member, Filter>;
  readonly loaders: FamilyLoaders<Family, Member>;
  /** The personal-data reads of this request, written when the response leaves. */
  readonly audit: AuditRecorder;
  /** Seals and opens the listings' cursors. */
  readonly cursors: CursorCodec;
}

interface FamilyShape {
  readonly noKK: string;
  readonly regionCode: string;
  readonly members: readonly { readonly nik: string }[];
}

interface MemberShape {
  readonly nik: string;
  readonly noKK: string;
}

type AnyRegisterContext = RegisterContext<FamilyShape, MemberShape, any>;

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

const RECORD_SCOPES = ['lookup', 'search'] as const;

/**
 * The family with this No. KK as the principal may see it: null when the register does not hold
 * it, FORBIDDEN when it lies outside the principal's regions; a served family is audited.
 */
async function readFamily(household: { noKK?: unknown }, context: AnyRegisterContext): Promise<FamilyShape | null> {
  requireScope(context.principal, RECORD_SCOPES, 'Reading register records');
  const noKK = lookupKey(household.noKK);
  if (noKK === null) return null;
  const family = await context.loaders.familyByNoKK.load(noKK);
  if (family === null) return null;
  if (!inRegions(regionPrefixes(context.principal), family.regionCode)) throw forbidden('The family is outside your regions');
  context.audit.family(family.noKK, family.members.map((member) => member.nik));
  return family;
}

/** `Household`: the reference keeps only the key; the register's fields load the family. */
export function householdResolvers(register: Register) {
  return {
    __resolveReference: (reference: { noKK?: unknown }) => ({ noKK: reference.noKK }),
    [register]: (household: { noKK?: unknown }, _args: unknown, context: AnyRegisterContext) => readFamily(household, context),
    [`${register}Input`]: async (household: { noKK?: unknown }, _args: unknown, context: AnyRegisterContext) => {
      const family = await readFamily(household, context);
      return family === null ? null : unmasked(family);
    },
  };
}

/**
 * A person's member records the principal may see, most recent first: records of families
 * outside its regions are left out. Served records are audited.
 */
async function readMemberRecords(person: { nik?: unknown }, context: AnyRegisterContext): Promise<MemberShape[]> {
  requireScope(context.principal, RECORD_SCOPES, 'Reading register records');
  const nik = lookupKey(person.nik);
  if (nik === null) return [];
  const records = await context.loaders.membersByNik.load(nik);
  const prefixes = regionPrefixes(context.principal);
  let visible = records;
  if (prefixes !== null && records.length > 0) {
    const regions = await context.loaders.regionCodeByNoKK.loadMany(records.map((record) => record.noKK));
    visible = records.filter((_record, index) => {
      const region = regions[index];
      return typeof region === 'string' && inRegions(prefixes, region);
    });
  }
  if (visible.length > 0) context.audit.person(nik);
  return visible;
}

/** `Person`: `<register>` is the most recent member record with the NIK, `<register>Records` all of them. */
export function personResolvers(register: Register) {
  return {
    __resolveReference: (reference: { nik?: unknown }) => ({ nik: reference.nik }),
    [register]: async (person: { nik?: unknown }, _args: unknown, context: AnyRegisterContext) =>
      (await readMemberRecords(person, context))[0] ?? null,
    [`${register}Records`]: (person: { nik?: unknown }, _args: unknown, context: AnyRegisterContext) =>
      readMemberRecords(person, context),
    [`${register}InputRecords`]: async (person: { nik?: unknown }, _args: unknown, context: AnyRegisterContext) =>
      (await readMemberRecords(person, context)).map(unmasked),
  };
}

/** `AuditTrail`: `<register>` lists the reads of the NIK's data in this register, newest first. */
export function auditTrailResolvers(register: Register) {
  return {
    __resolveReference: (reference: { nik?: unknown }) => ({ nik: reference.nik }),
    [register]: async (trail: { nik?: unknown }, _args: unknown, context: AnyRegisterContext): Promise<AuditRecord[]> => {
      requireScope(context.principal, ['audit'], 'Reading the audit trail');
      const nik = lookupKey(trail.nik);
      if (nik === null) return [];
      const entries = await context.loaders.auditTrailByNik.load(nik);
      // Who read whose audit trail is itself a read of that person's data.
      context.audit.person(nik);
      return entries;
    },
  };
}

/** `<Register>Family`: No. KK, address, RT and RW masked without the `pii` scope. */
export function familyRecordResolvers() {
  return {
    noKK: piiField('noKK', 'identifier'),
    address: piiField('address', 'address'),
    rt: piiField('rt', 'address'),
    rw: piiField('rw', 'address'),
  };
}

/**
 * `<Register>Member`: NIK, No. KK, name and birth date masked without the `pii` scope; `person` is
 * the person behind the record, by its stored NIK.
 */
export function memberResolvers() {
  return {
    nik: piiField('nik', 'identifier'),
    noKK: piiField('noKK', 'identifier'),
    name: piiField('name', 'name'),
    birthDate: piiField('birthDate', 'birthDate'),
    person: personOfMember,
  };
}

export interface FamilyListingArgs<Filter> {
  readonly filter?: Filter | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/**
 * `Query.<register>Families` (named by `listing`): a keyset page of households within the
 * principal's regions; the register's field loads (and audits) each.
 */
export function familyListingResolver(listing: string) {
  return async (_root: unknown, args: FamilyListingArgs<unknown>, context: AnyRegisterContext): Promise<FamilyConnection> => {
    requireScope(context.principal, ['search'], 'Listing families');
    const first = parseFirst(args.first);
    const binding = { listing, filter: args.filter };
    const after = context.cursors.decode(binding, args.after);
    const page = await context.repository.listFamilies(args.filter, first, after, regionPrefixes(context.principal));
    return toFamilyConnection(page, (position) => context.cursors.encode(binding, position));
  };
}
