import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';
import { engineOf, id, int, longText, ref, str, text, time } from '../column-types.js';

/** Mail waiting to be sent, written in the transaction of the change that caused it (DESIGN.md §4). */
export class CreateOutbox1764028800007 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          id(),
          str('kind', 20),
          ref('ticket_id', true),
          ref('message_record_id', true),
          str('to_address', 254),
          text('cc_addresses'),
          str('subject', 255),
          longText(engine, 'body_text', false),
          longText(engine, 'body_html'),
          str('message_id', 255),
          str('in_reply_to', 255, true),
          text('references_header'),
          str('auto_submitted', 20, true),
          text('attachment_ids'),
          str('state', 12),
          int('attempts', false, 0),
          time('next_attempt_at'),
          time('claimed_at', true),
          str('last_error', 500, true),
          time('created_at'),
          time('sent_at', true),
        ],
        uniques: [{ name: 'uq_outbox_message_id', columnNames: ['message_id'] }],
        indices: [
          { name: 'idx_outbox_due', columnNames: ['state', 'next_attempt_at'] },
          { name: 'idx_outbox_recipient', columnNames: ['to_address', 'kind', 'created_at'] },
          { name: 'idx_outbox_ticket', columnNames: ['ticket_id', 'created_at'] },
          { name: 'idx_outbox_message', columnNames: ['message_record_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox');
  }
}
