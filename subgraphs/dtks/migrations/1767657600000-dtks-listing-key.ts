import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addListingKey, dropListingKey } from '../../../common/store/listing-key';

export class DtksListingKey1767657600000 implements MigrationInterface {
  name = 'DtksListingKey1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addListingKey(queryRunner, 'dtks_family');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropListingKey(queryRunner, 'dtks_family');
  }
}
