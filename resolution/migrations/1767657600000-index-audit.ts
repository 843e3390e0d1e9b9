import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable, dropAuditTable } from '../../common/store/audit-migration';

// The `households` listing and the CSV export serve families straight from the index, so the index
// keeps an audit trail of its own, like the registers', with entries naming the No. KK.
export class IndexAudit1767657600000 implements MigrationInterface {
  name = 'IndexAudit1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner, 'noKK');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner);
  }
}
