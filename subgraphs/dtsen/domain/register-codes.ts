// Register codes (REGSOSEK2022.K questionnaire, Kemendagri region codes): facts about the data,
// not policy, so they live here rather than in the rule set.
/** Regsosek member presence: 2 died, 3 moved within Indonesia, 4 moved abroad. */
export const PRESENCE_DIED = 2;
export const PRESENCE_GONE: ReadonlySet<number> = new Set([PRESENCE_DIED, 3, 4]);

/** Regsosek school participation: 2 in school now. */
export const SCHOOL_PARTICIPATION_IN_SCHOOL = 2;

export type VillageKind = 'KELURAHAN' | 'DESA';

/** Digit 7 of a 10-digit village code: 1 kelurahan (urban), 2 desa (village, has Dana Desa). */
export const VILLAGE_KIND_BY_DIGIT: Readonly<Record<string, VillageKind>> = { '1': 'KELURAHAN', '2': 'DESA' };
export const VILLAGE_KIND_DIGIT_INDEX = 6;
