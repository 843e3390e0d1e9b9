/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Where BLT Dana Desa stands for a family. */
export type BltDdStatus =
  /** Paid this month. */
  | 'ACTIVE'
  /** No longer paid. */
  | 'ENDED'
  /** Held back for now (the desa is re-verifying the family, or the recipient did not collect). */
  | 'SUSPENDED';

/** Who pays a JKN member's premium: the membership segment BPJS Kesehatan records. */
export type BpjsSegment =
  /** Non-worker (bukan pekerja): pensioners, veterans and the like. */
  | 'BP'
  /** PBI paid by a regional government budget (APBD). */
  | 'PBI_APBD'
  /** PBI paid by the central government budget (APBN), from DTSEN's list: PBI-JK. */
  | 'PBI_APBN'
  /** Non-wage earner (pekerja bukan penerima upah): self-paid. */
  | 'PBPU'
  /** Wage earner (pekerja penerima upah): the premium is shared with an employer. */
  | 'PPU';

/** The state of an enrolment. */
export type BpjsStatus =
  /** Covered now. */
  | 'ACTIVE'
  /** No longer enrolled. */
  | 'ENDED'
  /** Enrolled, but coverage is suspended (unpaid premiums, data to be verified). */
  | 'SUSPENDED';

/** Programmes whose receipt DTKS records. */
export type DtksProgram =
  /** Bantuan Pangan Non-Tunai (Sembako): monthly food assistance per family. */
  | 'BPNT'
  /** Penerima Bantuan Iuran Jaminan Kesehatan: the state pays the person's JKN health-insurance premium. */
  | 'PBI_JK'
  /** Program Indonesia Pintar: school assistance per pupil (KIP card). */
  | 'PIP'
  /** Program Keluarga Harapan: conditional cash transfer per family, by its components. */
  | 'PKH';

/** Whether a recorded receipt is being paid. */
export type DtksReceiptStatus =
  /** Being paid. */
  | 'ACTIVE'
  /** Suspended, e.g. pending a ground check after the family's desil rose above the cut-off. */
  | 'SUSPENDED';

/** PKH components registered for a family. */
export type PkhComponent =
  /** A child aged 0-6. */
  | 'EARLY_CHILDHOOD'
  /** A member aged 70 or over. */
  | 'ELDERLY'
  /** A pregnant woman. */
  | 'PREGNANT'
  /** A primary-school pupil (SD). */
  | 'PUPIL_SD'
  /** An upper-secondary pupil (SMA/SMK). */
  | 'PUPIL_SMA'
  /** A lower-secondary pupil (SMP). */
  | 'PUPIL_SMP'
  /** A member with a severe disability. */
  | 'SEVERE_DISABILITY';

/** Level of schooling. */
export type SchoolLevel =
  /** Higher education. */
  | 'HIGHER'
  /** Primary school (SD/MI). */
  | 'SD'
  /** Upper secondary school (SMA/SMK/MA). */
  | 'SMA'
  /** Lower secondary school (SMP/MTs). */
  | 'SMP';

/** Sex as recorded. */
export type Sex =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE';

export type HouseholdSourcesRequiresFragment = { readonly dtksInput: { readonly noKK: string, readonly regionCode: string, readonly active: boolean, readonly welfarePercentile: number | null, readonly receipts: ReadonlyArray<{ readonly program: DtksProgram, readonly status: DtksReceiptStatus, readonly pkhComponents: ReadonlyArray<PkhComponent> | null }>, readonly members: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly relationship: number, readonly person: { readonly dtksInputRecords: ReadonlyArray<{ readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string }> } }> } | null, readonly regsosekInput: { readonly noKK: string, readonly regionCode: string, readonly housing: { readonly installedPower: number | null }, readonly assets: { readonly car: boolean }, readonly ranking: { readonly desil: number, readonly percentile: number, readonly version: string, readonly rankedAt: string } | null, readonly members: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly relationship: number, readonly presence: number, readonly schoolParticipation: number, readonly schoolLevel: SchoolLevel | null, readonly employmentStatus: number | null, readonly healthInsurance: number | null, readonly pregnant: boolean | null, readonly difficulty: { readonly vision: number, readonly hearing: number, readonly walking: number, readonly hands: number, readonly learning: number, readonly behaviour: number, readonly communication: number, readonly selfCare: number } | null, readonly person: { readonly regsosekInputRecords: ReadonlyArray<{ readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly presence: number }> } }> } | null, readonly p3keInput: { readonly noKK: string, readonly regionCode: string, readonly desil: number, readonly extremePoor: boolean, readonly members: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly relationship: number, readonly inSchool: boolean, readonly person: { readonly p3keInputRecords: ReadonlyArray<{ readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string }> } }> } | null, readonly kemendesInput: { readonly noKK: string, readonly regionCode: string, readonly since: string, readonly status: BltDdStatus, readonly monthlyAmount: number } | null, readonly bpjsInput: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly since: string, readonly status: BpjsStatus, readonly segment: BpjsSegment | null }> };

export type HouseholdDataQualityRequiresFragment = { readonly dtksInput: { readonly noKK: string, readonly regionCode: string, readonly active: boolean, readonly welfarePercentile: number | null, readonly receipts: ReadonlyArray<{ readonly program: DtksProgram, readonly status: DtksReceiptStatus, readonly pkhComponents: ReadonlyArray<PkhComponent> | null }>, readonly members: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly relationship: number, readonly person: { readonly dtksInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly regsosekInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly p3keInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly bpjsInputRecords: ReadonlyArray<{ readonly noKK: string }> } }> } | null, readonly regsosekInput: { readonly noKK: string, readonly regionCode: string, readonly housing: { readonly installedPower: number | null }, readonly assets: { readonly car: boolean }, readonly ranking: { readonly desil: number, readonly percentile: number, readonly version: string, readonly rankedAt: string } | null, readonly members: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly relationship: number, readonly presence: number, readonly schoolParticipation: number, readonly schoolLevel: SchoolLevel | null, readonly employmentStatus: number | null, readonly healthInsurance: number | null, readonly pregnant: boolean | null, readonly difficulty: { readonly vision: number, readonly hearing: number, readonly walking: number, readonly hands: number, readonly learning: number, readonly behaviour: number, readonly communication: number, readonly selfCare: number } | null, readonly person: { readonly dtksInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly regsosekInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly p3keInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly bpjsInputRecords: ReadonlyArray<{ readonly noKK: string }> } }> } | null, readonly p3keInput: { readonly noKK: string, readonly regionCode: string, readonly desil: number, readonly extremePoor: boolean, readonly members: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly relationship: number, readonly inSchool: boolean, readonly person: { readonly dtksInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly regsosekInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly p3keInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly bpjsInputRecords: ReadonlyArray<{ readonly noKK: string }> } }> } | null, readonly bpjsInput: ReadonlyArray<{ readonly nik: string, readonly noKK: string, readonly since: string, readonly status: BpjsStatus, readonly segment: BpjsSegment | null, readonly person: { readonly dtksInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly regsosekInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly p3keInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly bpjsInputRecords: ReadonlyArray<{ readonly noKK: string }> } }> };

export type PersonSourcesRequiresFragment = { readonly dtksInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly regsosekInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly p3keInputRecords: ReadonlyArray<{ readonly noKK: string }>, readonly bpjsInputRecords: ReadonlyArray<{ readonly noKK: string }> };

export type PersonNameRequiresFragment = { readonly dtksInputRecords: ReadonlyArray<{ readonly name: string, readonly sex: Sex, readonly birthDate: string }>, readonly regsosekInputRecords: ReadonlyArray<{ readonly name: string, readonly sex: Sex, readonly birthDate: string, readonly presence: number }>, readonly p3keInputRecords: ReadonlyArray<{ readonly name: string, readonly sex: Sex, readonly birthDate: string }> };

export type AuditTrailIndexRequiresFragment = { readonly dtks: ReadonlyArray<{ readonly noKK: string | null }>, readonly regsosek: ReadonlyArray<{ readonly noKK: string | null }>, readonly p3ke: ReadonlyArray<{ readonly noKK: string | null }>, readonly kemendes: ReadonlyArray<{ readonly noKK: string | null }>, readonly bpjs: ReadonlyArray<{ readonly noKK: string | null }> };
