// What the dtsen subgraph receives: exactly the fields its @requires selections (schema/dtsen.graphql)
// ask of the register subgraphs, under register-neutral names (`dtks`, `dtksRecords`; the wire
// names `dtksInput`, `dtksInputRecords` are translated once, below). A register field is null when
// the register does not hold the family, and may be absent (undefined) when that register's subgraph
// could not be asked; code must tell the two apart where "not held" would be a finding
// (MISSING_FROM_REGSOSEK).
import type { DtksFamilyRecord, DtksMemberRecord, DtksReceiptRecord } from '../../subgraphs/dtks/records';
import type { P3keFamilyRecord, P3keMemberRecord } from '../../subgraphs/p3ke/records';
import type {
  RegsosekAssetsRecord,
  RegsosekFamilyRecord,
  RegsosekHousingRecord,
  RegsosekMemberRecord,
} from '../../subgraphs/regsosek/records';

/** `Household.sources`: `dtks { noKK } regsosek { noKK } p3ke { noKK }`. */
export interface HouseholdKeysRepresentation {
  readonly noKK: string;
  readonly dtks?: Pick<DtksFamilyRecord, 'noKK'> | null;
  readonly regsosek?: Pick<RegsosekFamilyRecord, 'noKK'> | null;
  readonly p3ke?: Pick<P3keFamilyRecord, 'noKK'> | null;
}

/**
 * Sensitive fields (pregnancy, disability, health insurance, PKH components) are null where they are
 * withheld: in the copy of a household `withoutSensitiveData` makes to explain it to a reader
 * without the `sensitive` scope. The registers always send them.
 */
type Withholdable<Record, Sensitive extends keyof Record> = Omit<Record, Sensitive> & { readonly [Field in Sensitive]: Record[Field] | null };

export type DtksReceiptRepresentation = Withholdable<Pick<DtksReceiptRecord, 'program' | 'status' | 'pkhComponents'>, 'pkhComponents'>;
export type DtksMemberRepresentation = Pick<DtksMemberRecord, 'nik' | 'noKK' | 'name' | 'sex' | 'birthDate' | 'relationship'>;
export type RegsosekMemberRepresentation = Withholdable<
  Pick<
    RegsosekMemberRecord,
    | 'nik'
    | 'noKK'
    | 'name'
    | 'sex'
    | 'birthDate'
    | 'relationship'
    | 'presence'
    | 'schoolParticipation'
    | 'schoolLevel'
    | 'employmentStatus'
    | 'difficulty'
    | 'healthInsurance'
    | 'pregnant'
  >,
  'difficulty' | 'healthInsurance' | 'pregnant'
>;
export type P3keMemberRepresentation = Pick<P3keMemberRecord, 'nik' | 'noKK' | 'name' | 'sex' | 'birthDate' | 'relationship' | 'inSchool'>;

export interface DtksFamilyRepresentation<Member = DtksMemberRepresentation>
  extends Pick<DtksFamilyRecord, 'noKK' | 'regionCode' | 'active' | 'welfarePercentile'> {
  readonly receipts: readonly DtksReceiptRepresentation[];
  readonly members: readonly Member[];
}

export interface RegsosekFamilyRepresentation<Member = RegsosekMemberRepresentation>
  extends Pick<RegsosekFamilyRecord, 'noKK' | 'regionCode' | 'ranking'> {
  readonly housing: Pick<RegsosekHousingRecord, 'installedPower'>;
  readonly assets: Pick<RegsosekAssetsRecord, 'car'>;
  readonly members: readonly Member[];
}

export interface P3keFamilyRepresentation<Member = P3keMemberRepresentation>
  extends Pick<P3keFamilyRecord, 'noKK' | 'regionCode' | 'desil' | 'extremePoor'> {
  readonly members: readonly Member[];
}

/** `Household.members/region/desil/eligibility/targeting`: the shared resolution selection. */
export interface HouseholdRepresentation {
  readonly noKK: string;
  readonly dtks?: DtksFamilyRepresentation | null;
  readonly regsosek?: RegsosekFamilyRepresentation | null;
  readonly p3ke?: P3keFamilyRepresentation | null;
}

/** The KKs under which each register lists a NIK (`person { dtksRecords { noKK } … }`). */
export interface PersonKKsRepresentation {
  readonly dtksRecords?: readonly Pick<DtksMemberRecord, 'noKK'>[];
  readonly regsosekRecords?: readonly Pick<RegsosekMemberRecord, 'noKK'>[];
  readonly p3keRecords?: readonly Pick<P3keMemberRecord, 'noKK'>[];
}

/** A member as `Household.dataQuality` receives it; `person` is null when the gateway could not fill it. */
export type WithPerson<Member> = Member & { readonly person?: PersonKKsRepresentation | null };

/** `Household.dataQuality`: the resolution selection plus, for each member, its KKs in every register. */
export interface HouseholdQualityRepresentation extends HouseholdRepresentation {
  readonly dtks?: DtksFamilyRepresentation<WithPerson<DtksMemberRepresentation>> | null;
  readonly regsosek?: RegsosekFamilyRepresentation<WithPerson<RegsosekMemberRepresentation>> | null;
  readonly p3ke?: P3keFamilyRepresentation<WithPerson<P3keMemberRepresentation>> | null;
}

/** `Person.*`: every register's records of one NIK. */
export interface PersonRepresentation {
  readonly nik: string;
  readonly dtksRecords?: readonly Pick<DtksMemberRecord, 'noKK' | 'name' | 'sex' | 'birthDate'>[];
  readonly regsosekRecords?: readonly Pick<RegsosekMemberRecord, 'noKK' | 'name' | 'sex' | 'birthDate' | 'presence'>[];
  readonly p3keRecords?: readonly Pick<P3keMemberRecord, 'noKK' | 'name' | 'sex' | 'birthDate'>[];
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
}

/** A Person representation as the gateway sends it. */
export interface PersonInput {
  readonly nik: string;
  readonly dtksInputRecords?: PersonRepresentation['dtksRecords'];
  readonly regsosekInputRecords?: PersonRepresentation['regsosekRecords'];
  readonly p3keInputRecords?: PersonRepresentation['p3keRecords'];
}

function personKKs(person: PersonKKsInput | null | undefined): PersonKKsRepresentation | null | undefined {
  if (!person) return person;
  return {
    dtksRecords: person.dtksInputRecords ?? undefined,
    regsosekRecords: person.regsosekInputRecords ?? undefined,
    p3keRecords: person.p3keInputRecords ?? undefined,
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
  } as HouseholdQualityRepresentation;
}

export function personFromInput(input: PersonInput): PersonRepresentation {
  return {
    nik: input.nik,
    dtksRecords: input.dtksInputRecords ?? undefined,
    regsosekRecords: input.regsosekInputRecords ?? undefined,
    p3keRecords: input.p3keInputRecords ?? undefined,
  };
}
