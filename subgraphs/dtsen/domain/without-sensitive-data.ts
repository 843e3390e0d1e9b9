import type { HouseholdRepresentation } from '../representation';

/**
 * A copy of the household with its sensitive fields withheld (null): pregnancy, disability and
 * health insurance of Regsosek's members, and the PKH components DTKS registered. Explanations
 * for readers without the `sensitive` scope are computed from this copy, so they cannot depend on
 * what it leaves out. The rules word what they could not see (pkh.ts, pbi-jk.ts).
 */
export function withoutSensitiveData(household: HouseholdRepresentation): HouseholdRepresentation {
  const { dtks, regsosek } = household;
  return {
    ...household,
    dtks: dtks && { ...dtks, receipts: dtks.receipts.map((receipt) => ({ ...receipt, pkhComponents: null })) },
    regsosek: regsosek && {
      ...regsosek,
      members: regsosek.members.map((member) => ({ ...member, difficulty: null, healthInsurance: null, pregnant: null })),
    },
  };
}
