// How often the seeder injects targeting errors into the programmes a partner register records
// receipt of, as a share of the families where each can apply. Documented in docs/data.md; the
// truth file records BLT-DD's targeting of every household (types.ts).

export const TARGETING_ERROR_RATES = {
  BLT_DD: {
    /** Of families the registers' records make eligible for BLT Dana Desa: the desa pays them nothing (no receipt, or one SUSPENDED or ENDED). */
    EXCLUSION_ERROR: 0.06,
    /** Of other families of a desa in true desil 1-4: the desa pays them all the same (an ACTIVE receipt). */
    INCLUSION_ERROR: 0.04,
    /**
     * Of desa families ranked one or two desils above the extreme-poverty desil that meet every other
     * condition (and P3KE does not flag): the desa still pays them (an ACTIVE receipt), not yet
     * re-verified since their ranking rose.
     */
    GRADUATION_CANDIDATE: 0.03,
  },
} as const;

/** Graduation candidates are drawn among families ranked at most this many desils above a programme's cut-off. */
export const GRADUATION_DESILS_ABOVE = 2;
