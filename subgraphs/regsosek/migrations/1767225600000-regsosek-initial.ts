import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  familyBaseTableColumns,
  familyTableIndices,
  foreignKeyToFamilyTable,
  memberBaseTableColumns,
  memberTableIndices,
  tableColumn,
} from '../../../common/store/migration-columns';

const code = (name: string) => tableColumn.smallint(name);
const optionalCode = (name: string) => tableColumn.smallint(name, true);
const flag = (name: string) => tableColumn.boolean(name);
const quantity = (name: string) => tableColumn.integer(name);

export class RegsosekInitial1767225600000 implements MigrationInterface {
  name = 'RegsosekInitial1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'regsosek_family',
        columns: [
          ...familyBaseTableColumns(),
          code('family_status'),
          code('tenure'),
          quantity('floor_area'),
          ...['floor', 'wall', 'roof', 'drinking_water', 'lighting'].map(code),
          optionalCode('installed_power'),
          ...['cooking_fuel', 'toilet', 'faeces_disposal'].map(code),
          ...[
            'gas_cylinder',
            'fridge',
            'air_conditioner',
            'water_heater',
            'landline',
            'television',
            'gold',
            'computer',
            'motorcycle',
            'bicycle',
            'car',
            'boat',
            'motor_boat',
            'smartphone',
            'bank_account',
            'land',
          ].map(flag),
          quantity('land_area'),
          flag('house_elsewhere'),
          ...['cattle', 'buffalo', 'horse', 'pig', 'goat'].map(quantity),
          optionalCode('desil'),
          optionalCode('percentile'),
          tableColumn.varchar('ranking_version', 16, true),
          tableColumn.date('ranked_at', true),
        ],
        indices: [...familyTableIndices('regsosek_family'), { name: 'idx_regsosek_family_desil', columnNames: ['desil'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'regsosek_member',
        columns: [
          ...memberBaseTableColumns(),
          code('presence'),
          code('school_participation'),
          tableColumn.varchar('school_level', 6, true),
          flag('worked_last_week'),
          optionalCode('employment_status'),
          ...[
            'difficulty_vision',
            'difficulty_hearing',
            'difficulty_walking',
            'difficulty_hands',
            'difficulty_learning',
            'difficulty_behaviour',
            'difficulty_communication',
            'difficulty_self_care',
          ].map(code),
          flag('chronic_disease'),
          code('health_insurance'),
          flag('pregnant'),
        ],
        indices: memberTableIndices('regsosek_member'),
        foreignKeys: foreignKeyToFamilyTable('regsosek_member', 'regsosek_family'),
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('regsosek_member');
    await queryRunner.dropTable('regsosek_family');
  }
}
