import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addListingKey, dropListingKey } from '../../../common/store/listing-key';

export class RegsosekListingKey1767657600000 implements MigrationInterface {
  name = 'RegsosekListingKey1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addListingKey(queryRunner, 'regsosek_family');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropListingKey(queryRunner, 'regsosek_family');
  }
}
