import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, type TableForeignKeyOptions } from 'typeorm';
import {
  bool,
  insertSeedRows,
  chunk,
  engineOf,
  id,
  int,
  longText,
  ref,
  str,
  text,
  time,
} from '../column-types.js';

/** DESIGN.md §3 and the classification work name these; names are shown to agents and customers. */
const SEED_CATEGORIES = [
  { key: 'fraud_or_tampering', vi: 'Lừa đảo / giao dịch bị thay đổi', en: 'Fraud / tampered transaction' },
  { key: 'payment', vi: 'Thanh toán', en: 'Payment' },
  { key: 'cancellation', vi: 'Hủy / đổi tour', en: 'Cancellation / change' },
  { key: 'newsletter', vi: 'Bản tin', en: 'Newsletter' },
  { key: 'privacy_request', vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Personal data request' },
  { key: 'general', vi: 'Chung', en: 'General' },
];

const fk = (
  table: string,
  column: string,
  target: string,
  onDelete = 'RESTRICT',
): TableForeignKeyOptions => ({
  name: `fk_${table}_${column.replace(/_id$/, '')}`,
  columnNames: [column],
  referencedTableName: target,
  referencedColumnNames: [target === 'stored_contents' ? 'sha256' : 'id'],
  onDelete,
});

export class CreateTickets1764028800005 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'categories',
        columns: [
          id(),
          str('key', 40),
          str('name_vi', 100),
          str('name_en', 100),
          bool('is_active', true),
          int('sort_order', false, 0),
        ],
        uniques: [{ name: 'uq_categories_key', columnNames: ['key'] }],
      }),
    );
    // Ticket numbers come from an auto-increment row of their own: no hot counter row to lock, unique on both engines.
    await queryRunner.createTable(
      new Table({
        name: 'ticket_numbers',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          time('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'tickets',
        columns: [
          id(),
          int('number'),
          str('subject', 255),
          str('search_text', 600),
          str('state', 20),
          str('priority', 10),
          ref('category_id', true),
          str('category_source', 10, true),
          str('channel', 10),
          str('language', 5),
          ref('queue_id'),
          ref('assignee_id', true),
          ref('customer_id'),
          str('booking_reference', 40, true),
          text('tags', false),
          ref('merged_into_id', true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
          time('first_responded_at', true),
          time('last_customer_message_at', true),
          time('last_agent_message_at', true),
          time('resolved_at', true),
          time('closed_at', true),
        ],
        uniques: [{ name: 'uq_tickets_number', columnNames: ['number'] }],
        indices: [
          { name: 'idx_tickets_created', columnNames: ['created_at', 'id'] },
          { name: 'idx_tickets_queue', columnNames: ['queue_id', 'state', 'created_at'] },
          { name: 'idx_tickets_assignee', columnNames: ['assignee_id', 'state', 'created_at'] },
          { name: 'idx_tickets_customer', columnNames: ['customer_id', 'created_at'] },
          { name: 'idx_tickets_state', columnNames: ['state', 'created_at'] },
          { name: 'idx_tickets_booking', columnNames: ['booking_reference'] },
        ],
        foreignKeys: [
          fk('tickets', 'category_id', 'categories'),
          fk('tickets', 'queue_id', 'queues'),
          fk('tickets', 'assignee_id', 'agents', 'SET NULL'),
          fk('tickets', 'customer_id', 'customers'),
          fk('tickets', 'merged_into_id', 'tickets', 'SET NULL'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'messages',
        columns: [
          id(),
          ref('ticket_id'),
          str('direction', 10),
          str('visibility', 10),
          str('author_type', 10),
          ref('author_agent_id', true),
          ref('author_customer_id', true),
          str('from_address', 254, true),
          text('to_addresses'),
          text('cc_addresses'),
          longText(engine, 'body_text', false),
          longText(engine, 'body_html'),
          ref('raw_mail_id', true),
          str('message_id', 255, true),
          str('in_reply_to', 255, true),
          text('references_header'),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_messages_message_id', columnNames: ['message_id'] }],
        indices: [
          { name: 'idx_messages_ticket', columnNames: ['ticket_id', 'created_at'] },
          { name: 'idx_messages_raw_mail', columnNames: ['raw_mail_id'] },
        ],
        foreignKeys: [
          fk('messages', 'ticket_id', 'tickets', 'CASCADE'),
          fk('messages', 'author_agent_id', 'agents', 'SET NULL'),
          fk('messages', 'author_customer_id', 'customers', 'SET NULL'),
        ],
      }),
    );
    // Bytes of attachments (and later raw mail), content-addressed and sliced; see ContentStore.
    await queryRunner.createTable(
      new Table({
        name: 'stored_contents',
        columns: [
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
          int('size_bytes'),
          int('chunk_count'),
          time('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'stored_content_chunks',
        columns: [
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
          { name: 'seq', type: 'int', isPrimary: true },
          chunk(engine, 'bytes'),
        ],
        foreignKeys: [fk('stored_content_chunks', 'sha256', 'stored_contents', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          id(),
          ref('ticket_id'),
          ref('message_id'),
          str('file_name', 255),
          str('content_type', 127),
          int('size_bytes'),
          str('sha256', 64),
          str('content_id', 255, true),
          bool('is_inline', false),
          time('created_at'),
        ],
        indices: [
          { name: 'idx_attachments_message', columnNames: ['message_id'] },
          { name: 'idx_attachments_ticket', columnNames: ['ticket_id'] },
          { name: 'idx_attachments_sha256', columnNames: ['sha256'] },
        ],
        foreignKeys: [
          fk('attachments', 'ticket_id', 'tickets', 'CASCADE'),
          fk('attachments', 'message_id', 'messages', 'CASCADE'),
          fk('attachments', 'sha256', 'stored_contents'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ticket_events',
        columns: [
          id(),
          ref('ticket_id'),
          int('ticket_version'),
          str('kind', 32),
          str('from_value', 255, true),
          str('to_value', 255, true),
          str('actor_type', 20),
          ref('actor_id', true),
          time('occurred_at'),
        ],
        indices: [{ name: 'idx_ticket_events_ticket', columnNames: ['ticket_id', 'occurred_at'] }],
        foreignKeys: [fk('ticket_events', 'ticket_id', 'tickets', 'CASCADE')],
      }),
    );
    await insertSeedRows(
      queryRunner,
      'categories',
      SEED_CATEGORIES.map((category, index) => ({
        id: randomUUID(),
        key: category.key,
        name_vi: category.vi,
        name_en: category.en,
        is_active: 1,
        sort_order: index,
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'ticket_events',
      'attachments',
      'stored_content_chunks',
      'stored_contents',
      'messages',
      'tickets',
      'ticket_numbers',
      'categories',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
