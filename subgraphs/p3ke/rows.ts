import { withoutId } from '../../common/store/entity-columns';
import type { FamilyRows } from '../../common/store/family-repository';
import type { P3keFamilyRow, P3keInterventionRow, P3keMemberRow } from './entities';
import type { P3keFamilyRecord, P3keMemberRecord } from './records';

export function p3keRows(family: P3keFamilyRecord): FamilyRows<P3keFamilyRow, P3keMemberRow, P3keInterventionRow> {
  const { interventions, members, ...fields } = family;
  return {
    family: fields,
    members,
    details: interventions.map((intervention) => ({ noKK: family.noKK, program: intervention.program, year: intervention.year })),
  };
}

export function p3keFamily(
  row: P3keFamilyRow,
  members: readonly P3keMemberRow[],
  interventions: readonly P3keInterventionRow[],
): P3keFamilyRecord {
  return {
    ...withoutId(row),
    interventions: interventions.map(({ program, year }) => ({ program, year })),
    members: members.map(p3keMember),
  };
}

export function p3keMember(row: P3keMemberRow): P3keMemberRecord {
  return withoutId(row);
}
