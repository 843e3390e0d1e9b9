import type { TargetingTruth } from './types';

/** The targeting status the truth expects of a household, from the programmes.md table: receipt against eligibility. */
export function expectedTargeting(receiving: boolean, eligible: boolean): TargetingTruth['status'] {
  if (receiving) return eligible ? 'ON_TARGET' : 'INCLUSION_ERROR';
  return eligible ? 'EXCLUSION_ERROR' : 'NOT_TARGETED';
}
