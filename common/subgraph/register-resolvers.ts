import type { Principal } from '../auth/principal';
import { unmasked } from '../auth/schema-disclosure';
import { forbidden } from '../errors';
import type { FamilyLoaders } from '../loaders';
import type { ImportState } from '../store/import-state';
import type { CursorCodec } from '../cursor';
import { parseFirst, toFamilyConnection, type FamilyConnection } from '../pagination';
import type { AuditRecord } from '../store/audit-records';
import type { FamilyRepository } from '../store/family-repository';
import { inRegions, regionPrefixes, requireScope } from './access';
import type { AuditRecorder } from './audit-recorder';
import type { RequestLogging } from '../logging/http-logging';

// The behaviour every source register's resolvers share: the three subgraphs differ in their
// records, not in how they resolve them. Each register's resolvers/ folder names its fields
// (`dtksInput: unmaskedFamilyOf`), typed by the resolver types generated from its SDL
// (subgraphs/<register>/generated/resolvers-types.ts); the functions here are generic over the
// register's records, so one definition fits all three.

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

/** What a register's `Household` fields receive: the entity key, from a reference or a listing's node. */
export interface HouseholdKey {
  readonly noKK: string;
}

/** What a register's `Person` and `AuditTrail` fields receive: the entity key. */
export interface NikKey {
  readonly nik: string;
}

/** What the shared resolvers read of any register's family record. */
interface FamilyShape {
  readonly noKK: string;
  readonly regionCode: string;
  readonly members: readonly { readonly nik: string }[];
}

/** What the shared resolvers read of any register's member record. */
interface MemberShape {
  readonly nik: string;
  readonly noKK: string;
}

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
async function readFamily<Family extends FamilyShape, Member, Filter>(
  household: HouseholdKey,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Family | null> {
  requireScope(context.principal, RECORD_SCOPES, 'Reading register records');
  const noKK = lookupKey(household.noKK);
  if (noKK === null) return null;
  const family = await context.loaders.familyByNoKK.load(noKK);
  if (family === null) return null;
  if (!inRegions(regionPrefixes(context.principal), family.regionCode)) throw forbidden('The family is outside your regions');
  context.audit.family(family.noKK, family.members.map((member) => member.nik));
  return family;
}

/** `Household.__resolveReference`: the reference keeps only the key; the register's fields load the family. */
export function householdReference(reference: HouseholdKey): HouseholdKey {
  return { noKK: reference.noKK };
}

/** `Household.<register>`: the register's family record, masked as the principal may see it. */
export function familyOf<Family extends FamilyShape, Member, Filter>(
  household: HouseholdKey,
  _args: unknown,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Family | null> {
  return readFamily(household, context);
}

/** `Household.<register>Input`: the family record unmasked, for dtsen's `@requires`. */
export async function unmaskedFamilyOf<Family extends FamilyShape, Member, Filter>(
  household: HouseholdKey,
  _args: unknown,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Family | null> {
  const family = await readFamily(household, context);
  return family === null ? null : unmasked(family);
}

/**
 * A person's member records the principal may see, most recent first: records of families
 * outside its regions are left out. Served records are audited.
 */
async function readMemberRecords<Family, Member extends MemberShape, Filter>(
  person: NikKey,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Member[]> {
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

/** `Person.__resolveReference` and `AuditTrail.__resolveReference`: the reference keeps only the NIK. */
export function nikReference(reference: NikKey): NikKey {
  return { nik: reference.nik };
}

/** `Person.<register>`: the most recent member record with the NIK. */
export async function latestMemberRecord<Family, Member extends MemberShape, Filter>(
  person: NikKey,
  _args: unknown,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Member | null> {
  return (await readMemberRecords(person, context))[0] ?? null;
}

/** `Person.<register>Records`: every member record with the NIK. */
export function memberRecords<Family, Member extends MemberShape, Filter>(
  person: NikKey,
  _args: unknown,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Member[]> {
  return readMemberRecords(person, context);
}

/** `Person.<register>InputRecords`: every member record with the NIK unmasked, for dtsen's `@requires`. */
export async function unmaskedMemberRecords<Family, Member extends MemberShape, Filter>(
  person: NikKey,
  _args: unknown,
  context: RegisterContext<Family, Member, Filter>,
): Promise<Member[]> {
  return (await readMemberRecords(person, context)).map(unmasked);
}

/** `AuditTrail.<register>`: the reads of the NIK's data in this register, newest first. */
export async function auditEntries<Family, Member, Filter>(
  trail: NikKey,
  _args: unknown,
  context: RegisterContext<Family, Member, Filter>,
): Promise<AuditRecord[]> {
  requireScope(context.principal, ['audit'], 'Reading the audit trail');
  const nik = lookupKey(trail.nik);
  if (nik === null) return [];
  const entries = await context.loaders.auditTrailByNik.load(nik);
  // Who read whose audit trail is itself a read of that person's data.
  context.audit.person(nik);
  return entries;
}

/** `<Register>Member.person`: the entity key is the stored NIK, whatever the member's view. */
export function personOfMember(member: { readonly nik: string }): { nik: string } {
  return { nik: member.nik };
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
  return async <Family, Member, Filter>(
    _root: unknown,
    args: FamilyListingArgs<Filter>,
    context: RegisterContext<Family, Member, Filter>,
  ): Promise<FamilyConnection> => {
    requireScope(context.principal, ['search'], 'Listing families');
    const first = parseFirst(args.first);
    const binding = { listing, filter: args.filter };
    const after = context.cursors.decode(binding, args.after);
    const page = await context.repository.listFamilies(args.filter, first, after, regionPrefixes(context.principal));
    return toFamilyConnection(page, (position) => context.cursors.encode(binding, position));
  };
}

/**
 * `importState`: the store's import ledger, for dtsen's index status. No scope is needed: it holds
 * no personal data (counts and a time), and only a signed caller reaches a register at all.
 */
export function importStateResolver<Family, Member, Filter>(_root: unknown, _args: unknown, context: RegisterContext<Family, Member, Filter>): Promise<ImportState> {
  return context.repository.importState();
}
