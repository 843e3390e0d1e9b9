import type { DataSource } from 'typeorm';
import { createFamilyRepository, type FamilyCondition, type FamilyRepository } from '../../common/store/family-repository';
import { P3keFamilyEntity, P3keInterventionEntity, P3keMemberEntity } from './entities';
import type { P3keFamilyRecord, P3keMemberRecord } from './records';
import { p3keFamily, p3keMember, p3keRows } from './rows';

/** The `P3keFamilyFilter` input of subgraphs/p3ke/schema.graphql. */
export interface P3keFamilyFilter {
  readonly regionPrefix?: string | null;
  readonly extremePoor?: boolean | null;
}

export type P3keRepository = FamilyRepository<P3keFamilyRecord, P3keMemberRecord, P3keFamilyFilter>;

function p3keConditions({ extremePoor }: P3keFamilyFilter): FamilyCondition[] {
  if (extremePoor === null || extremePoor === undefined) return [];
  return [{ sql: 'f.extreme_poor = :extremePoor', parameters: { extremePoor } }];
}

/** How the P3KE records are laid out in tables; the importer writes through it too. */
export const p3keStoreLayout = {
  family: P3keFamilyEntity,
  member: P3keMemberEntity,
  detail: P3keInterventionEntity,
  toRows: p3keRows,
  toFamily: p3keFamily,
  toMember: p3keMember,
  conditions: p3keConditions,
};

export function createP3keRepository(dataSource: DataSource): P3keRepository {
  return createFamilyRepository(dataSource, p3keStoreLayout);
}
