import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { int, insertSeedRows, ref, seedTime, str, time } from '../column-types.js';

/** Placeholders: customerName, sourceNumber, ticketNumber. */
const SEED_TEMPLATES = [
  {
    key: 'merge_notice',
    language: 'vi',
    subject: 'Yêu cầu {{sourceNumber}} được gộp vào {{ticketNumber}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Yêu cầu {{sourceNumber}} của quý khách trùng với yêu cầu {{ticketNumber}}, nên chúng tôi đã gộp hai yêu cầu ' +
      'để xử lý cùng nhau. Mọi nội dung quý khách đã gửi vẫn được giữ nguyên.\n' +
      'Khi trả lời, xin giữ mã {{ticketNumber}} trong tiêu đề thư.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel',
  },
  {
    key: 'merge_notice',
    language: 'en',
    subject: 'Your request {{sourceNumber}} was merged into {{ticketNumber}}',
    body:
      'Dear {{customerName}},\n\n' +
      'Your request {{sourceNumber}} is about the same matter as {{ticketNumber}}, so we have merged them and ' +
      'will handle them together. Everything you sent is kept.\n' +
      'When you reply, please keep {{ticketNumber}} in the subject line.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care',
  },
];

/**
 * Working queues: how each queue assigns, each agent's capacity and availability, who is looking at a ticket
 * right now, and ticket counts for the sidebar kept as deltas (inserting a row never waits on a hot counter;
 * a job folds the deltas together).
 */
export class AddQueueWork1764028800014 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('queues', [
      new TableColumn({ ...str('assignment_mode', 20), default: "'manual'" }),
      new TableColumn(ref('last_assigned_agent_id', true)),
    ]);
    await queryRunner.addColumns('agents', [
      new TableColumn(int('capacity', false, 20)),
      new TableColumn({ ...str('availability', 10), default: "'available'" }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'ticket_presence',
        columns: [
          { ...ref('ticket_id'), isPrimary: true },
          { ...ref('agent_id'), isPrimary: true },
          str('activity', 10),
          time('expires_at'),
        ],
        foreignKeys: [
          {
            name: 'fk_ticket_presence_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_ticket_presence_agent',
            columnNames: ['agent_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'queue_ticket_counts',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          ref('queue_id'),
          str('state', 20),
          { name: 'is_assigned', type: 'boolean' },
          int('delta'),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO queue_ticket_counts (queue_id, state, is_assigned, delta)
       SELECT queue_id, state, CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END, COUNT(*)
       FROM tickets GROUP BY queue_id, state, CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END`,
    );
    await insertSeedRows(
      queryRunner,
      'mail_templates',
      SEED_TEMPLATES.map((template) => ({
        id: randomUUID(),
        key: template.key,
        language: template.language,
        subject: template.subject,
        body_text: template.body,
        updated_at: seedTime(new Date()),
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM mail_templates WHERE ${queryRunner.connection.driver.escape('key')} = ?`,
      ['merge_notice'],
    );
    await queryRunner.dropTable('queue_ticket_counts');
    await queryRunner.dropTable('ticket_presence');
    await queryRunner.dropColumn('agents', 'availability');
    await queryRunner.dropColumn('agents', 'capacity');
    await queryRunner.dropColumn('queues', 'last_assigned_agent_id');
    await queryRunner.dropColumn('queues', 'assignment_mode');
  }
}
