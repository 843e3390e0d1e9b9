import type { DataSource } from 'typeorm';
import { parseDesilRange } from '../../common/desil-range';
import { createFamilyRepository, type FamilyCondition, type FamilyRepository } from '../../common/store/family-repository';
import { RegsosekFamilyEntity, RegsosekMemberEntity } from './entities';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from './records';
import { regsosekFamily, regsosekMember, regsosekRows } from './rows';

/** The `RegsosekFamilyFilter` input of subgraphs/regsosek/schema.graphql. */
export interface RegsosekFamilyFilter {
  readonly regionPrefix?: string | null;
  readonly desilMin?: number | null;
  readonly desilMax?: number | null;
}

export type RegsosekRepository = FamilyRepository<RegsosekFamilyRecord, RegsosekMemberRecord, RegsosekFamilyFilter>;

/** A desil range keeps only ranked families: an unranked family has no desil to compare. */
function regsosekConditions(filter: RegsosekFamilyFilter): FamilyCondition[] {
  const { desilMin, desilMax } = parseDesilRange(filter.desilMin, filter.desilMax, (field) => `filter.${field}`);
  return [
    ...(desilMin === null ? [] : [{ sql: 'f.desil >= :desilMin', parameters: { desilMin } }]),
    ...(desilMax === null ? [] : [{ sql: 'f.desil <= :desilMax', parameters: { desilMax } }]),
  ];
}

/** How the Regsosek records are laid out in tables; the importer writes through it too. */
export const regsosekStoreLayout = {
  family: RegsosekFamilyEntity,
  member: RegsosekMemberEntity,
  detail: null,
  toRows: regsosekRows,
  toFamily: regsosekFamily,
  toMember: regsosekMember,
  conditions: regsosekConditions,
};

export function createRegsosekRepository(dataSource: DataSource): RegsosekRepository {
  return createFamilyRepository(dataSource, regsosekStoreLayout);
}
