import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditRequestId, dropAuditRequestId } from '../../common/store/audit-migration';

export class IndexAuditRequestId1767873600000 implements MigrationInterface {
  name = 'IndexAuditRequestId1767873600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addAuditRequestId(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditRequestId(queryRunner);
  }
}
