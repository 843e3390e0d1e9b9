import type { DataSource } from 'typeorm';
import { badUserInput } from '../../common/errors';
import { createFamilyRepository, type FamilyCondition, type FamilyRepository } from '../../common/store/family-repository';
import { RegsosekFamilyEntity, RegsosekMemberEntity } from './entities';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from './records';
import { regsosekFamily, regsosekMember, regsosekRows } from './rows';

/** The `RegsosekFamilyFilter` input of schema/regsosek.graphql. */
export interface RegsosekFamilyFilter {
  readonly regionPrefix?: string | null;
  readonly desilMin?: number | null;
  readonly desilMax?: number | null;
}

export type RegsosekRepository = FamilyRepository<RegsosekFamilyRecord, RegsosekMemberRecord, RegsosekFamilyFilter>;

function checkDesil(value: number | null | undefined, field: 'desilMin' | 'desilMax'): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > 10) {
    throw badUserInput(`filter.${field} must be a desil from 1 to 10, got ${value}`, `filter.${field}`);
  }
  return value;
}

/** A desil range keeps only ranked families: an unranked family has no desil to compare. */
function regsosekConditions(filter: RegsosekFamilyFilter): FamilyCondition[] {
  const desilMin = checkDesil(filter.desilMin, 'desilMin');
  const desilMax = checkDesil(filter.desilMax, 'desilMax');
  if (desilMin !== null && desilMax !== null && desilMin > desilMax) {
    throw badUserInput(`filter.desilMax (${desilMax}) must not be below filter.desilMin (${desilMin})`, 'filter.desilMax');
  }
  return [
    ...(desilMin === null ? [] : [{ sql: 'f.desil >= :desilMin', parameters: { desilMin } }]),
    ...(desilMax === null ? [] : [{ sql: 'f.desil <= :desilMax', parameters: { desilMax } }]),
  ];
}

export function createRegsosekRepository(dataSource: DataSource): RegsosekRepository {
  return createFamilyRepository(dataSource, {
    family: RegsosekFamilyEntity,
    member: RegsosekMemberEntity,
    detail: null,
    toRows: regsosekRows,
    toFamily: regsosekFamily,
    toMember: regsosekMember,
    conditions: regsosekConditions,
  });
}
