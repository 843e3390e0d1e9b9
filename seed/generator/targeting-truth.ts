import type { TargetingTruth } from './types';

/**
 * The targeting status the truth expects of a household, from the programmes.md table: receipt
 * against eligibility, where a receiving family that fails only the programme's desil cut-off
 * (`aboveCutOffOnly`, its desil known) is a graduation candidate (docs/rules.md).
 */
export function expectedTargeting(receiving: boolean, eligible: boolean, aboveCutOffOnly = false): TargetingTruth['status'] {
  if (receiving) {
    if (eligible) return 'ON_TARGET';
    return aboveCutOffOnly ? 'GRADUATION_CANDIDATE' : 'INCLUSION_ERROR';
  }
  return eligible ? 'EXCLUSION_ERROR' : 'NOT_TARGETED';
}
