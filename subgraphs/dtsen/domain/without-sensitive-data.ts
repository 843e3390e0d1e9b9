import type { HouseholdRepresentation } from '../representation';

/**
 * A copy of the household with its sensitive fields withheld (null): pregnancy, disability and
 * health insurance of Regsosek's members, the PKH components DTKS registered, and the segment of
 * each BPJS enrolment (who pays a member's health insurance). Explanations
 * for readers without the `sensitive` scope are computed from this copy, so they cannot depend on
 * what it leaves out. The rules word what they could not see (pkh.ts, pbi-jk.ts).
 */
export function withoutSensitiveData(household: HouseholdRepresentation): HouseholdRepresentation {
  const { dtks, regsosek, bpjs } = household;
  return {
    ...household,
    ...(bpjs === undefined ? {} : { bpjs: bpjs.map((enrolment) => ({ ...enrolment, segment: null })) }),
    dtks: dtks && { ...dtks, receipts: dtks.receipts.map((receipt) => ({ ...receipt, pkhComponents: null })) },
    regsosek: regsosek && {
      ...regsosek,
      members: regsosek.members.map((member) => ({ ...member, difficulty: null, healthInsurance: null, pregnant: null })),
    },
  };
}
