import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addListingKey, dropListingKey } from '../../../common/store/listing-key';

export class P3keListingKey1767657600000 implements MigrationInterface {
  name = 'P3keListingKey1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addListingKey(queryRunner, 'p3ke_family');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropListingKey(queryRunner, 'p3ke_family');
  }
}
