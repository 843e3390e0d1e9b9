import { EntitySchema } from 'typeorm';
import {
  entityColumn,
  familyBaseColumns,
  familyIndices,
  foreignKeyToFamily,
  memberBaseColumns,
  memberIndices,
  type FamilyBaseRow,
  type MemberBaseRow,
} from '../../common/store/entity-columns';
import type { BltDdStatus } from './records';

export interface KemendesFamilyRow extends FamilyBaseRow {
  /** YYYY-MM */
  readonly since: string;
  readonly status: BltDdStatus;
  readonly monthlyAmount: number;
}

export type KemendesRecipientRow = MemberBaseRow;

export const KemendesFamilyEntity = new EntitySchema<KemendesFamilyRow>({
  name: 'KemendesFamily',
  tableName: 'kemendes_family',
  columns: {
    ...familyBaseColumns,
    since: entityColumn.varchar('since', 7),
    status: entityColumn.varchar('status', 9),
    monthlyAmount: entityColumn.integer('monthly_amount'),
  },
  indices: [...familyIndices('kemendes_family'), { name: 'idx_kemendes_family_status', columns: ['status'] }],
});

export const KemendesRecipientEntity = new EntitySchema<KemendesRecipientRow>({
  name: 'KemendesRecipient',
  tableName: 'kemendes_recipient',
  columns: memberBaseColumns,
  indices: memberIndices('kemendes_recipient'),
  foreignKeys: foreignKeyToFamily('kemendes_recipient', KemendesFamilyEntity),
});
