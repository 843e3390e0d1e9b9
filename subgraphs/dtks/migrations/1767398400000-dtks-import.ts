import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createImportTables, dropImportTables } from '../../../common/store/import-migration';

export class DtksImport1767398400000 implements MigrationInterface {
  name = 'DtksImport1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createImportTables(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropImportTables(queryRunner);
  }
}
