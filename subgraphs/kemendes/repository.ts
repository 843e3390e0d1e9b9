import type { DataSource } from 'typeorm';
import { createFamilyRepository, type FamilyCondition, type FamilyRepository } from '../../common/store/family-repository';
import { KemendesFamilyEntity, KemendesRecipientEntity } from './entities';
import type { BltDdStatus, KemendesFamilyRecord, KemendesRecipientRecord } from './records';
import { kemendesFamily, kemendesRecipient, kemendesRows } from './rows';

/** The `KemendesFamilyFilter` input of subgraphs/kemendes/schema.graphql. */
export interface KemendesFamilyFilter {
  readonly regionPrefix?: string | null;
  readonly status?: BltDdStatus | null;
}

export type KemendesRepository = FamilyRepository<KemendesFamilyRecord, KemendesRecipientRecord, KemendesFamilyFilter>;

function kemendesConditions({ status }: KemendesFamilyFilter): FamilyCondition[] {
  if (status === null || status === undefined) return [];
  return [{ sql: 'f.status = :status', parameters: { status } }];
}

/** How the Kemendes records are laid out in tables; the importer writes through it too. */
export const kemendesStoreLayout = {
  family: KemendesFamilyEntity,
  member: KemendesRecipientEntity,
  detail: null,
  toRows: kemendesRows,
  toFamily: kemendesFamily,
  toMember: kemendesRecipient,
  conditions: kemendesConditions,
};

export function createKemendesRepository(dataSource: DataSource): KemendesRepository {
  return createFamilyRepository(dataSource, kemendesStoreLayout);
}
