import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditRequestId, dropAuditRequestId } from '../../../common/store/audit-migration';

export class RegsosekAuditRequestId1767830400000 implements MigrationInterface {
  name = 'RegsosekAuditRequestId1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addAuditRequestId(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditRequestId(queryRunner);
  }
}
