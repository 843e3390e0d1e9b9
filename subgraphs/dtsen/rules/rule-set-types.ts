import type { Programme, ReceiptProgramme } from '../../../common/programmes';
import type { PkhComponent, SchoolLevel } from '../../../generated/requires/representations';

export type Source = 'DTKS' | 'REGSOSEK' | 'P3KE';
export type PupilLevel = Exclude<SchoolLevel, 'HIGHER'>;

export interface DtksPercentileBand {
  /** Inclusive upper bound of the legacy percentile this band covers. */
  readonly maxPercentile: number;
  readonly desil: number;
}

export interface DesilRules {
  /** Authority first: the first source that ranks the family gives the value. */
  readonly sourceOrder: readonly Source[];
  /** Ascending; a percentile above the last band has no desil. */
  readonly dtksPercentileBands: readonly DtksPercentileBand[];
  /** Two candidates this far apart or more are a conflict. */
  readonly conflictDistance: number;
}

export interface InstalledPowerCode {
  /** Regsosek housing.installedPower code. */
  readonly code: number;
  readonly va: number;
  /** The code means "above `va`" rather than exactly `va`. */
  readonly above: boolean;
}

export interface ExclusionRules {
  readonly publicEmployment: { readonly enabled: boolean; readonly employmentStatusCodes: readonly number[] };
  readonly car: { readonly enabled: boolean };
  readonly electricity: {
    readonly enabled: boolean;
    /** Families with more installed power than this are excluded. */
    readonly maxInstalledPowerVA: number;
    readonly installedPowerCodes: readonly InstalledPowerCode[];
  };
}

export interface SchoolingRules {
  /** Level assumed for a member P3KE marks as in school (P3KE records no level); ascending. */
  readonly levelByAgeWhenOnlyInSchoolIsKnown: readonly { readonly maxAge: number; readonly level: PupilLevel }[];
}

export interface PkhComponentRule {
  readonly component: PkhComponent;
  readonly annualAmount: number;
  /** Most components of this kind counted per family; null for no cap. */
  readonly cap: number | null;
  readonly minAge: number | null;
  readonly maxAge: number | null;
}

export interface FamilyGate {
  readonly applyExclusions: boolean;
}

export interface PkhRules extends FamilyGate {
  readonly maxDesil: number;
  /** Washington-Group answer that makes a disability severe ("cannot do at all"). */
  readonly severeDisabilityDifficultyCode: number;
  /** In priority order: a member counts for the first component that applies and still has room. */
  readonly components: readonly PkhComponentRule[];
}

export interface BpntRules extends FamilyGate {
  readonly maxDesil: number;
  readonly monthlyAmount: number;
}

export interface PbiJkRules extends FamilyGate {
  readonly maxDesil: number;
  /** Regsosek healthInsurance bit of JKN paid by an employer. */
  readonly employerInsuranceBit: number;
  readonly monthlyAmountPerPerson: number;
}

export interface PipRules extends FamilyGate {
  readonly maxDesil: number;
  readonly eligibleWhenReceivingPkh: boolean;
  readonly eligibleWhenEligibleForPkh: boolean;
  readonly minAge: number;
  readonly maxAge: number;
  readonly annualAmounts: Readonly<Record<PupilLevel, number>>;
}

export interface BltDdRules extends FamilyGate {
  /** Resolved desil at or below this is extreme poverty. */
  readonly extremePoorMaxDesil: number;
  readonly useP3keExtremePoorFlag: boolean;
  /** Families DTKS records as receiving any of these do not get BLT-DD. */
  readonly notWhenReceiving: readonly ReceiptProgramme[];
  readonly monthlyAmount: number;
}

/** Every programme has its rules, each of its own kind. */
export interface ProgramRules extends Readonly<Record<Programme, FamilyGate>> {
  readonly PKH: PkhRules;
  readonly BPNT: BpntRules;
  readonly PBI_JK: PbiJkRules;
  readonly PIP: PipRules;
  readonly BLT_DD: BltDdRules;
}

export type Program = Programme;

/** Every parameter of eligibility and resolution; read from rules/rule-set-<version>.json. */
export interface RuleSet {
  readonly version: string;
  readonly description: string;
  readonly desil: DesilRules;
  readonly exclusions: ExclusionRules;
  readonly schooling: SchoolingRules;
  readonly programs: ProgramRules;
}
