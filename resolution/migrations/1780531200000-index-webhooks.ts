import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../common/store/migration-columns';

// Webhooks (issue 17, "Telling partners"): an organisation's subscription to one programme's
// period deltas, and the delivery ledger, one row per subscription, period and page, which the
// gateway replicas claim with a conditional UPDATE so a page is sent by one of them at a time.
export class IndexWebhooks1780531200000 implements MigrationInterface {
  name = 'IndexWebhooks1780531200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'webhook_subscription',
        columns: [
          { ...tableColumn.varchar('id', 28), isPrimary: true },
          tableColumn.varchar('organisation', 100),
          tableColumn.varchar('subject', 100),
          tableColumn.varchar('roles', 100),
          tableColumn.varchar('regions', 500, true),
          tableColumn.varchar('programmes', 100, true),
          tableColumn.varchar('purpose', 200),
          tableColumn.varchar('program', 8),
          tableColumn.varchar('url', 2000),
          tableColumn.varchar('secret_nonce', 64),
          tableColumn.varchar('after_period', 7, true),
          tableColumn.varchar('created_at', 24),
          tableColumn.varchar('removed_at', 24, true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_delivery',
        columns: [
          { ...tableColumn.varchar('subscription_id', 28), isPrimary: true },
          { ...tableColumn.varchar('period', 7), isPrimary: true },
          { name: 'page', type: 'integer', isPrimary: true },
          tableColumn.integer('pages'),
          tableColumn.varchar('from_period', 7),
          tableColumn.varchar('delivery_id', 40),
          tableColumn.varchar('after_listing_key', 16, true),
          tableColumn.varchar('after_no_kk', 16, true),
          tableColumn.integer('size'),
          tableColumn.varchar('state', 10),
          tableColumn.integer('attempts'),
          tableColumn.varchar('holder', 200, true),
          tableColumn.varchar('lease_until', 24, true),
          { name: 'last_status', type: 'integer', isNullable: true },
          tableColumn.varchar('last_error', 40, true),
          tableColumn.varchar('created_at', 24),
          tableColumn.varchar('delivered_at', 24, true),
        ],
      }),
    );
    await queryRunner.createIndex('webhook_delivery', new TableIndex({ name: 'idx_webhook_delivery_state', columnNames: ['state'] }));
    await queryRunner.createIndex('webhook_delivery', new TableIndex({ name: 'idx_webhook_delivery_id', columnNames: ['delivery_id'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_delivery');
    await queryRunner.dropTable('webhook_subscription');
  }
}
