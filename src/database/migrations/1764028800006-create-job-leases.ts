import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';
import { str, time } from '../column-types.js';

/** One row per scheduled job, so only one app instance runs it at a time (STYLE.md: scheduled jobs). */
export class CreateJobLeases1764028800006 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          str('holder', 100, true),
          str('token', 36, true),
          time('expires_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
  }
}
