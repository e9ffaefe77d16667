import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';
import { time } from '../column-types.js';

/** When mail to an address last bounced permanently; agents see it and replies warn. */
export class AddCustomerEmailBounced1764028800010 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('customer_emails', new TableColumn(time('bounced_at', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('customer_emails', 'bounced_at');
  }
}
