import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, int, ref, str, time } from '../column-types.js';

/** Legal holds, the log of retention runs, and the indexes the retention selection reads by. */
export class CreateRetention1764028800026 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'legal_holds',
        columns: [
          id(),
          ref('customer_id'),
          ref('ticket_id', true),
          str('reason', 500),
          str('reference', 100, true),
          ref('placed_by_id'),
          time('placed_at'),
          ref('released_by_id', true),
          time('released_at', true),
          str('release_reason', 500, true),
        ],
        indices: [
          { name: 'idx_legal_holds_customer', columnNames: ['customer_id', 'released_at'] },
          { name: 'idx_legal_holds_ticket', columnNames: ['ticket_id', 'released_at'] },
          { name: 'idx_legal_holds_placed', columnNames: ['placed_at'] },
        ],
        foreignKeys: [
          {
            name: 'fk_legal_holds_customer',
            columnNames: ['customer_id'],
            referencedTableName: 'customers',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_legal_holds_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_legal_holds_placed_by',
            columnNames: ['placed_by_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'retention_runs',
        columns: [
          id(),
          str('state', 20),
          str('started_by', 36),
          time('started_at'),
          time('finished_at', true),
          time('cutoff'),
          int('customers_anonymised', false, 0),
          int('customers_skipped_hold', false, 0),
          int('customers_skipped_dispute', false, 0),
          int('customers_failed', false, 0),
          int('tickets', false, 0),
          int('messages_redacted', false, 0),
          int('attachments_deleted', false, 0),
          int('raw_mails_deleted', false, 0),
          int('outbox_mails_deleted', false, 0),
          str('error', 500, true),
          str('holder', 100),
        ],
        indices: [{ name: 'idx_retention_runs_started', columnNames: ['started_at'] }],
      }),
    );
    // Last activity per customer is the latest of their tickets' updated_at (every message bumps it).
    await queryRunner.createIndex(
      'tickets',
      new TableIndex({ name: 'idx_tickets_customer_updated', columnNames: ['customer_id', 'updated_at'] }),
    );
    // Raw mail from a customer that never became a ticket (ignored, failed) is found by its sender.
    await queryRunner.createIndex(
      'inbound_mail',
      new TableIndex({ name: 'idx_inbound_mail_from', columnNames: ['from_address'] }),
    );
    // Whether stored content is still referenced once an attachment or raw mail goes.
    await queryRunner.createIndex(
      'inbound_mail',
      new TableIndex({ name: 'idx_inbound_mail_raw', columnNames: ['raw_sha256'] }),
    );
    await queryRunner.createIndex(
      'customers',
      new TableIndex({ name: 'idx_customers_anonymised', columnNames: ['anonymised_at', 'updated_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('customers', 'idx_customers_anonymised');
    await queryRunner.dropIndex('inbound_mail', 'idx_inbound_mail_raw');
    await queryRunner.dropIndex('inbound_mail', 'idx_inbound_mail_from');
    await queryRunner.dropIndex('tickets', 'idx_tickets_customer_updated');
    await queryRunner.dropTable('retention_runs');
    await queryRunner.dropTable('legal_holds');
  }
}
