import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';
import { bool, id, int, ref, str, text, time } from '../column-types.js';

/** Mailboxes the desk reads, and every raw message fetched from them, stored before anything else happens. */
export class CreateMailIntake1764028800008 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mailboxes',
        columns: [
          id(),
          str('name', 100),
          str('address', 254),
          str('source', 10),
          str('imap_host', 255),
          int('imap_port'),
          str('imap_security', 10),
          str('imap_username', 254),
          text('imap_password_encrypted', false),
          str('imap_folder', 255),
          ref('default_queue_id'),
          bool('is_active', true),
          str('uid_validity', 20, true),
          int('last_uid', false, 0),
          time('last_fetch_at', true),
          str('last_error', 500, true),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_mailboxes_address', columnNames: ['address'] }],
        foreignKeys: [
          {
            name: 'fk_mailboxes_default_queue',
            columnNames: ['default_queue_id'],
            referencedTableName: 'queues',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbound_mail',
        columns: [
          id(),
          ref('mailbox_id', true),
          int('uid', true),
          str('dedup_key', 255),
          str('message_id', 255, true),
          str('raw_sha256', 64),
          int('size_bytes'),
          str('from_address', 254, true),
          str('subject', 255, true),
          str('state', 12),
          str('state_reason', 500, true),
          int('attempts', false, 0),
          ref('ticket_id', true),
          ref('message_record_id', true),
          time('received_at'),
          time('processed_at', true),
        ],
        uniques: [{ name: 'uq_inbound_mail_dedup', columnNames: ['dedup_key'] }],
        indices: [
          { name: 'idx_inbound_mail_state', columnNames: ['state', 'received_at'] },
          { name: 'idx_inbound_mail_ticket', columnNames: ['ticket_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_inbound_mail_raw',
            columnNames: ['raw_sha256'],
            referencedTableName: 'stored_contents',
            referencedColumnNames: ['sha256'],
          },
          {
            name: 'fk_inbound_mail_mailbox',
            columnNames: ['mailbox_id'],
            referencedTableName: 'mailboxes',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inbound_mail');
    await queryRunner.dropTable('mailboxes');
  }
}
