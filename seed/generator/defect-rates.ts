// How often each data-quality defect is injected, as a share of the families (or pairs of
// families) where it can apply. A family carries at most one defect. Documented in docs/data.md.

export const DEFECT_RATES = {
  /** Of all families: one member's NIK is invalid in one register. */
  INVALID_NIK: 0.03,
  /** Of pairs of families 2k, 2k+1 where one's registers are a subset of the other's: a member of one is also listed in the other. */
  DUPLICATE_NIK: 0.04,
  /** Of families DTKS or P3KE holds: that register lists the family under a re-issued KK. */
  KK_MISMATCH: 0.03,
  /** Of families Regsosek ranks and DTKS or P3KE holds: that register's desil is 2 or more off Regsosek's. */
  DESIL_CONFLICT: 0.04,
  /** Of families with an active DTKS receipt: Regsosek records a member as died, DTKS still lists them. */
  DECEASED_RECEIVING: 0.03,
  /** Of families DTKS or P3KE holds: Regsosek does not hold the family. */
  MISSING_FROM_REGSOSEK: 0.02,
  /** Of families two or more registers hold: one register has the family in another village. */
  REGION_MISMATCH: 0.02,
} as const;

export type DefectCode = keyof typeof DEFECT_RATES;
export const DEFECT_CODES = Object.keys(DEFECT_RATES) as DefectCode[];
