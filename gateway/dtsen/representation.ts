// What the dtsen subgraph receives: exactly the fields its @requires selections (schema/dtsen.graphql)
// ask of the register subgraphs. A register field is null when the register does not hold the
// family, and may be absent (undefined) when that register's subgraph could not be asked; code
// must tell the two apart where "not held" would be a finding (MISSING_FROM_REGSOSEK).
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

export type DtksReceiptRepresentation = Pick<DtksReceiptRecord, 'program' | 'status' | 'pkhComponents'>;
export type DtksMemberRepresentation = Pick<DtksMemberRecord, 'nik' | 'noKK' | 'name' | 'sex' | 'birthDate' | 'relationship'>;
export type RegsosekMemberRepresentation = Pick<
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
