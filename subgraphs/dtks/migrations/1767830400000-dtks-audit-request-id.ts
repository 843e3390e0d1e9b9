import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditRequestId, dropAuditRequestId } from '../../../common/store/audit-migration';

export class DtksAuditRequestId1767830400000 implements MigrationInterface {
  name = 'DtksAuditRequestId1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addAuditRequestId(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditRequestId(queryRunner);
  }
}
