import type { DataSource } from 'typeorm';
import { createFamilyRepository, type FamilyCondition, type FamilyRepository } from '../../common/store/family-repository';
import { BpjsEnrolmentEntity, BpjsFamilyEntity } from './entities';
import type { BpjsEnrolmentRecord, BpjsFamilyRecord, BpjsSegment } from './records';
import { bpjsEnrolment, bpjsFamily, bpjsRows } from './rows';

/** The `BpjsFamilyFilter` input of subgraphs/bpjs/schema.graphql. */
export interface BpjsFamilyFilter {
  readonly regionPrefix?: string | null;
  readonly activeSegment?: BpjsSegment | null;
}

function bpjsConditions({ activeSegment }: BpjsFamilyFilter): FamilyCondition[] {
  if (activeSegment === null || activeSegment === undefined) return [];
  return [
    {
      sql: "EXISTS (SELECT 1 FROM bpjs_enrolment e WHERE e.no_kk = f.no_kk AND e.segment = :activeSegment AND e.status = 'ACTIVE')",
      parameters: { activeSegment },
    },
  ];
}

export type BpjsRepository = FamilyRepository<BpjsFamilyRecord, BpjsEnrolmentRecord, BpjsFamilyFilter>;

/** How the BPJS enrolments are laid out in tables (per No. KK, as every register); the importer writes through it too. */
export const bpjsStoreLayout = {
  family: BpjsFamilyEntity,
  member: BpjsEnrolmentEntity,
  detail: null,
  toRows: bpjsRows,
  toFamily: bpjsFamily,
  toMember: bpjsEnrolment,
  conditions: bpjsConditions,
};

export function createBpjsRepository(dataSource: DataSource): BpjsRepository {
  return createFamilyRepository(dataSource, bpjsStoreLayout);
}
