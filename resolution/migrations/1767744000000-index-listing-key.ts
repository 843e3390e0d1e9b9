import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addListingKey, dropListingKey } from '../../common/store/listing-key';

export class IndexListingKey1767744000000 implements MigrationInterface {
  name = 'IndexListingKey1767744000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addListingKey(queryRunner, 'resolved_household');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropListingKey(queryRunner, 'resolved_household');
  }
}
