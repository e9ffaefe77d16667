import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { id, ref, str, text, time } from '../column-types.js';

export class CreateAuditEvents1764028800002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          time('occurred_at'),
          str('actor_type', 20),
          ref('actor_id', true),
          str('action', 64),
          str('record_type', 32),
          ref('record_id'),
          text('fields'),
          str('reason', 500, true),
          str('request_id', 64, true),
        ],
        indices: [
          { name: 'idx_audit_events_record', columnNames: ['record_type', 'record_id', 'occurred_at'] },
          { name: 'idx_audit_events_actor', columnNames: ['actor_id', 'occurred_at'] },
          { name: 'idx_audit_events_time', columnNames: ['occurred_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
  }
}
