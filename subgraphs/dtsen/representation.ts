// What the dtsen subgraph receives: exactly the fields its @requires selections (subgraphs/dtsen/schema.graphql)
// ask of the register subgraphs, under register-neutral names (`dtks`, `dtksRecords`; the wire
// names `dtksInput`, `dtksInputRecords` are translated once, below). A register field is null when
// the register does not hold the family, and may be absent (undefined) when that register's subgraph
// could not be asked; code must tell the two apart where "not held" would be a finding
// (MISSING_FROM_REGSOSEK).
// The shapes are GraphQL Code Generator's types of those selections (generated/requires/), so a
// field added to a selection, or a register changing a field's type, changes them here.
import type {
  AuditTrailIndexRequiresFragment,
  HouseholdDataQualityRequiresFragment,
  HouseholdSourcesRequiresFragment,
  PersonNameRequiresFragment,
  PersonSourcesRequiresFragment,
} from '../../generated/requires/representations';

type Element<List> = List extends readonly (infer Item)[] ? Item : never;
type Held<Family> = NonNullable<Family>;

// Every resolved Household field but dataQuality shares one selection, so that the gateway asks
// dtsen for them in one fetch; the fragment is named after the first of them, `sources`.
// Sensitive fields (pregnancy, disability, health insurance, PKH components) are nullable in the
// registers' SDL: null where they are withheld, in the copy of a household `withoutSensitiveData`
// makes to explain it to a reader without the `sensitive` scope.
type DtksFamilyFields = Held<HouseholdSourcesRequiresFragment['dtksInput']>;
type RegsosekFamilyFields = Held<HouseholdSourcesRequiresFragment['regsosekInput']>;
type P3keFamilyFields = Held<HouseholdSourcesRequiresFragment['p3keInput']>;
/** Kemendes's BLT Dana Desa receipt of the family (no members: the recipient is not read). */
export type KemendesReceiptRepresentation = Held<HouseholdSourcesRequiresFragment['kemendesInput']>;

export type DtksReceiptRepresentation = Element<DtksFamilyFields['receipts']>;
export type DtksMemberRepresentation = Omit<Element<DtksFamilyFields['members']>, 'person'>;
export type RegsosekMemberRepresentation = Omit<Element<RegsosekFamilyFields['members']>, 'person'>;
export type P3keMemberRepresentation = Omit<Element<P3keFamilyFields['members']>, 'person'>;

// The resolution selection asks each register, with the family, for its every record of each
// member's NIK (under any family): what decides the member's name, sex, birth date and alive, so
// that `Household.members` can give them without another round to the registers.
/** One of DTKS's records of a member's NIK, under any family. */
export type DtksPersonRecord = Element<Element<DtksFamilyFields['members']>['person']['dtksInputRecords']>;
/** One of Regsosek's records of a member's NIK, under any family. */
export type RegsosekPersonRecord = Element<Element<RegsosekFamilyFields['members']>['person']['regsosekInputRecords']>;
/** One of P3KE's records of a member's NIK, under any family. */
export type P3kePersonRecord = Element<Element<P3keFamilyFields['members']>['person']['p3keInputRecords']>;
/** One enrolment BPJS Kesehatan records under the family's No. KK. */
export type BpjsEnrolmentRepresentation = Element<HouseholdSourcesRequiresFragment['bpjsInput']>;

export interface DtksFamilyRepresentation<Member = DtksMemberRepresentation> extends Omit<DtksFamilyFields, 'members'> {
  readonly members: readonly Member[];
}

export interface RegsosekFamilyRepresentation<Member = RegsosekMemberRepresentation> extends Omit<RegsosekFamilyFields, 'members'> {
  readonly members: readonly Member[];
}

export interface P3keFamilyRepresentation<Member = P3keMemberRepresentation> extends Omit<P3keFamilyFields, 'members'> {
  readonly members: readonly Member[];
}

/** `Household.sources/unavailableSources/members/region/desil/eligibility/targeting`: the shared resolution selection. */
export interface HouseholdRepresentation {
  readonly noKK: string;
  readonly dtks?: DtksFamilyRepresentation<WithPerson<DtksMemberRepresentation>> | null;
  readonly regsosek?: RegsosekFamilyRepresentation<WithPerson<RegsosekMemberRepresentation>> | null;
  readonly p3ke?: P3keFamilyRepresentation<WithPerson<P3keMemberRepresentation>> | null;
  readonly kemendes?: KemendesReceiptRepresentation | null;
  /** BPJS's enrolments under the No. KK: [] when it records none, absent when it could not be asked. */
  readonly bpjs?: readonly BpjsEnrolmentRepresentation[];
}

/**
 * A member's records under any family, in each register the fetch asked: every register's KKs
 * (the dataQuality selection), or the member's own register's records with what decides the
 * person's name (the resolution selection; `Household.members` reads them).
 */
type PersonKKsFields = Held<Element<Held<HouseholdDataQualityRequiresFragment['dtksInput']>['members']>['person']>;
export interface PersonKKsRepresentation {
  readonly dtksRecords?: PersonKKsFields['dtksInputRecords'] | readonly DtksPersonRecord[];
  readonly regsosekRecords?: PersonKKsFields['regsosekInputRecords'] | readonly RegsosekPersonRecord[];
  readonly p3keRecords?: PersonKKsFields['p3keInputRecords'] | readonly P3kePersonRecord[];
  readonly bpjsRecords?: PersonKKsFields['bpjsInputRecords'];
}

/** A member as `Household.dataQuality` receives it; `person` is null when the gateway could not fill it. */
export type WithPerson<Member> = Member & { readonly person?: PersonKKsRepresentation | null };

/** `Household.dataQuality`: the resolution selection plus, for each member, its KKs in every register. */
export interface HouseholdQualityRepresentation extends HouseholdRepresentation {
  readonly bpjs?: readonly WithPerson<BpjsEnrolmentRepresentation>[];
}

/** The family registers, in the order a person's name is taken from them (domain/person.ts). */
export const NAME_ORDER = ['regsosek', 'dtks', 'p3ke'] as const;
export type NameRegister = (typeof NAME_ORDER)[number];

/**
 * `Person.*`: the registers' records of one NIK, as much as the fetch's fields asked for. Name, sex,
 * birth date, age and alive read the three family registers' records (`PersonNameRequires`), so a
 * household's members cost no call to BPJS Kesehatan, and `Household.members` provides them;
 * `sources` and `households` read only the No. KKs, of all four registers (`PersonSourcesRequires`).
 * The gateway asks the two in separate fetches, each with its own representation.
 */
export interface PersonRepresentation {
  readonly nik: string;
  /**
   * Under `Household.members` only: the family registers whose records of the NIK the family's
   * fetch did not bring and that must be asked before the name is decided (member-records.ts).
   */
  readonly unasked?: readonly NameRegister[];
  readonly dtksRecords?: PersonNameRequiresFragment['dtksInputRecords'];
  readonly regsosekRecords?: PersonNameRequiresFragment['regsosekInputRecords'];
  readonly p3keRecords?: PersonNameRequiresFragment['p3keInputRecords'];
  readonly bpjsRecords?: PersonSourcesRequiresFragment['bpjsInputRecords'];
}

/** A register's record of a NIK as far as it decides the person's name, sex, birth date and alive (`PersonNameRequires`). */
export type DtksNameRecord = Element<PersonNameRequiresFragment['dtksInputRecords']>;
export type RegsosekNameRecord = Element<PersonNameRequiresFragment['regsosekInputRecords']>;
export type P3keNameRecord = Element<PersonNameRequiresFragment['p3keInputRecords']>;

/** What `Person.sources` reads: the No. KKs under which each register lists the NIK. */
export interface PersonListingsRepresentation {
  readonly dtksRecords?: PersonSourcesRequiresFragment['dtksInputRecords'];
  readonly regsosekRecords?: PersonSourcesRequiresFragment['regsosekInputRecords'];
  readonly p3keRecords?: PersonSourcesRequiresFragment['p3keInputRecords'];
  readonly bpjsRecords?: PersonSourcesRequiresFragment['bpjsInputRecords'];
}

/**
 * The person as `sources` and `households` receive it: their shared selection is the listings (the
 * No. KKs), which the gateway sends in a fetch of their own (schema.graphql), so the records carry
 * `noKK` whatever the mapper's type says of the other fields' selection.
 */
export function listingsOf(person: PersonRepresentation): PersonListingsRepresentation {
  return person as unknown as PersonListingsRepresentation;
}

/** `AuditTrail.index`: the families of each register's audit entries for the NIK. */
export interface AuditTrailRepresentation {
  readonly nik: string;
  readonly dtks?: AuditTrailIndexRequiresFragment['dtks'] | null;
  readonly regsosek?: AuditTrailIndexRequiresFragment['regsosek'] | null;
  readonly p3ke?: AuditTrailIndexRequiresFragment['p3ke'] | null;
  readonly kemendes?: AuditTrailIndexRequiresFragment['kemendes'] | null;
  readonly bpjs?: AuditTrailIndexRequiresFragment['bpjs'] | null;
}

// The gateway sends the registers' unmasked `…Input` fields (the @requires selections read only
// those, since the client fields are masked and region-limited per principal). The resolution reads
// the register-neutral names above; `householdFromInput`/`personFromInput` are the one translation,
// applied in `__resolveReference`.

/** `person { dtksInputRecords { noKK } … }` under a member, as `Household.dataQuality` receives it. */
export interface PersonKKsInput {
  readonly dtksInputRecords?: PersonKKsRepresentation['dtksRecords'];
  readonly regsosekInputRecords?: PersonKKsRepresentation['regsosekRecords'];
  readonly p3keInputRecords?: PersonKKsRepresentation['p3keRecords'];
  readonly bpjsInputRecords?: PersonKKsRepresentation['bpjsRecords'];
}

type MemberInput<Member> = Member & { readonly person?: PersonKKsInput | null };
type FamilyInput<Family> = Family extends { readonly members: readonly (infer Member)[] }
  ? Omit<Family, 'members'> & { readonly members: readonly MemberInput<Member>[] }
  : Family;

/** A Household representation as the gateway sends it; holds only what the field's selection asked for. */
export interface HouseholdInput {
  readonly noKK: string;
  readonly dtksInput?: FamilyInput<DtksFamilyRepresentation> | null;
  readonly regsosekInput?: FamilyInput<RegsosekFamilyRepresentation> | null;
  readonly p3keInput?: FamilyInput<P3keFamilyRepresentation> | null;
  readonly kemendesInput?: KemendesReceiptRepresentation | null;
  readonly bpjsInput?: readonly MemberInput<BpjsEnrolmentRepresentation>[] | null;
}

/** A Person representation as the gateway sends it. */
export interface PersonInput {
  readonly nik: string;
  readonly dtksInputRecords?: PersonRepresentation['dtksRecords'];
  readonly regsosekInputRecords?: PersonRepresentation['regsosekRecords'];
  readonly p3keInputRecords?: PersonRepresentation['p3keRecords'];
  readonly bpjsInputRecords?: PersonRepresentation['bpjsRecords'];
}

function personKKs(person: PersonKKsInput | null | undefined): PersonKKsRepresentation | null | undefined {
  if (!person) return person;
  return {
    dtksRecords: person.dtksInputRecords ?? undefined,
    regsosekRecords: person.regsosekInputRecords ?? undefined,
    p3keRecords: person.p3keInputRecords ?? undefined,
    bpjsRecords: person.bpjsInputRecords ?? undefined,
  };
}

/** Members are copied only when they carry a person (the dataQuality selection); others are kept as sent. */
function family<Member extends object, Family extends { readonly members?: readonly MemberInput<Member>[] }>(
  held: Family | null | undefined,
): Family | null | undefined {
  if (!held?.members) return held;
  return {
    ...held,
    members: held.members.map((member) => ('person' in member ? { ...member, person: personKKs(member.person) } : member)),
  };
}

/** BPJS's enrolments, each person under the resolution's names (the dataQuality selection carries them). */
function withPersons<Member extends object>(members: readonly MemberInput<Member>[] | undefined): readonly MemberInput<Member>[] | undefined {
  return members?.map((member) => ('person' in member ? { ...member, person: personKKs(member.person) } : member)) as readonly MemberInput<Member>[] | undefined;
}

/**
 * The household under the resolution's names. Absent (undefined) stays absent and null stays null:
 * a register that could not be asked is not a register that does not hold the family. The gateway
 * leaves a register's fields out when its call to that register failed (unasked-registers.ts).
 */
export function householdFromInput(input: HouseholdInput): HouseholdQualityRepresentation {
  return {
    noKK: input.noKK,
    dtks: family(input.dtksInput),
    regsosek: family(input.regsosekInput),
    p3ke: family(input.p3keInput),
    kemendes: input.kemendesInput,
    // Non-null in the SDL: null only where the gateway filled a failed call's fields (source-data-source.ts).
    bpjs: input.bpjsInput === null ? undefined : withPersons(input.bpjsInput),
  } as HouseholdQualityRepresentation;
}

export function personFromInput(input: PersonInput): PersonRepresentation {
  return {
    nik: input.nik,
    dtksRecords: input.dtksInputRecords ?? undefined,
    regsosekRecords: input.regsosekInputRecords ?? undefined,
    p3keRecords: input.p3keInputRecords ?? undefined,
    bpjsRecords: input.bpjsInputRecords ?? undefined,
  };
}
