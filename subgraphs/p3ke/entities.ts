import { EntitySchema } from 'typeorm';
import {
  entityColumn,
  familyBaseColumns,
  familyIndices,
  familyLinkedColumns,
  familyLinkedIndices,
  foreignKeyToFamily,
  memberBaseColumns,
  memberIndices,
  type FamilyBaseRow,
  type FamilyLinkedRow,
  type MemberBaseRow,
} from '../../common/store/entity-columns';

export interface P3keFamilyRow extends FamilyBaseRow {
  readonly desil: number;
  readonly extremePoor: boolean;
  readonly liveableHouse: boolean;
  readonly cleanWater: boolean;
  readonly sanitation: boolean;
}

export interface P3keMemberRow extends MemberBaseRow {
  readonly inSchool: boolean;
  readonly working: boolean;
}

export interface P3keInterventionRow extends FamilyLinkedRow {
  readonly program: string;
  readonly year: number;
}

export const P3keFamilyEntity = new EntitySchema<P3keFamilyRow>({
  name: 'P3keFamily',
  tableName: 'p3ke_family',
  columns: {
    ...familyBaseColumns,
    desil: entityColumn.smallint('desil'),
    extremePoor: entityColumn.boolean('extreme_poor'),
    liveableHouse: entityColumn.boolean('liveable_house'),
    cleanWater: entityColumn.boolean('clean_water'),
    sanitation: entityColumn.boolean('sanitation'),
  },
  indices: [...familyIndices('p3ke_family'), { name: 'idx_p3ke_family_extreme_poor', columns: ['extremePoor'] }],
});

export const P3keMemberEntity = new EntitySchema<P3keMemberRow>({
  name: 'P3keMember',
  tableName: 'p3ke_member',
  columns: {
    ...memberBaseColumns,
    inSchool: entityColumn.boolean('in_school'),
    working: entityColumn.boolean('working'),
  },
  indices: memberIndices('p3ke_member'),
  foreignKeys: foreignKeyToFamily('p3ke_member', P3keFamilyEntity),
});

export const P3keInterventionEntity = new EntitySchema<P3keInterventionRow>({
  name: 'P3keIntervention',
  tableName: 'p3ke_intervention',
  columns: {
    ...familyLinkedColumns,
    program: entityColumn.varchar('program', 32),
    year: entityColumn.smallint('year'),
  },
  indices: familyLinkedIndices('p3ke_intervention'),
  foreignKeys: foreignKeyToFamily('p3ke_intervention', P3keFamilyEntity),
});
