import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import {
  id,
  int,
  ref,
  removeMailTemplates,
  type SeedMailTemplate,
  seedMailTemplates,
  str,
  text,
  time,
} from '../column-types.js';

/** Staff reminders. Placeholders: title, obligation, dueAt, timeLeft. */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'incident_due_soon',
    language: 'vi',
    subject: '[Sự cố] Còn {{timeLeft}} để thông báo: {{title}}',
    body:
      'Sự cố "{{title}}" chưa được thông báo cho cơ quan chức năng.\n' +
      'Nghĩa vụ: {{obligation}}\nHạn chót: {{dueAt}} (còn {{timeLeft}}).\n\n' +
      'Xin hoàn tất nội dung thông báo và gửi cho Cục A05 – Bộ Công an, rồi ghi nhận việc đã thông báo.\n',
  },
  {
    key: 'incident_due_soon',
    language: 'en',
    subject: '[Incident] {{timeLeft}} left to notify: {{title}}',
    body:
      'Incident "{{title}}" has not been notified to the authority yet.\n' +
      'Obligation: {{obligation}}\nDue: {{dueAt}} ({{timeLeft}} left).\n\n' +
      'Please complete the notification, send it to A05 (Ministry of Public Security) and record it as notified.\n',
  },
  {
    key: 'incident_overdue',
    language: 'vi',
    subject: '[Sự cố – Quá hạn] Chưa thông báo: {{title}}',
    body:
      'Sự cố "{{title}}" đã quá hạn thông báo cho cơ quan chức năng.\n' +
      'Nghĩa vụ: {{obligation}}\nHạn chót: {{dueAt}}.\n\n' +
      'Xin gửi thông báo ngay, kèm lý do thông báo chậm.\n',
  },
  {
    key: 'incident_overdue',
    language: 'en',
    subject: '[Incident – Overdue] Not yet notified: {{title}}',
    body:
      'Incident "{{title}}" is past its notification deadline.\n' +
      'Obligation: {{obligation}}\nDue: {{dueAt}}.\n\n' +
      'Please send the notification now, with the reason for the delay.\n',
  },
];

/** The breach and incident register, the deadline reminders sent for it, and their mail templates. */
export class CreateIncidents1764028800021 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'incidents',
        columns: [
          id(),
          str('kind', 30),
          str('title', 200),
          time('discovered_at'),
          ref('reported_by_id'),
          str('state', 20),
          text('description', false),
          text('data_categories'),
          int('subjects_affected', true),
          int('records_affected', true),
          str('contact_person', 300, true),
          text('consequences'),
          text('measures_taken'),
          text('measures_proposed'),
          text('delay_reason'),
          time('notified_at', true),
          str('notified_to', 200, true),
          str('notification_reference', 100, true),
          ref('notified_by_id', true),
          time('closed_at', true),
          ref('closed_by_id', true),
          str('closing_reason', 500, true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [{ name: 'idx_incidents_state_discovered', columnNames: ['state', 'discovered_at'] }],
        foreignKeys: [
          {
            name: 'fk_incidents_reported_by',
            columnNames: ['reported_by_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'incident_reminders',
        columns: [id(), ref('incident_id'), str('obligation', 30), str('stage', 20), time('sent_at')],
        uniques: [
          {
            name: 'uq_incident_reminders_stage',
            columnNames: ['incident_id', 'obligation', 'stage'],
          },
        ],
        foreignKeys: [
          {
            name: 'fk_incident_reminders_incident',
            columnNames: ['incident_id'],
            referencedTableName: 'incidents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await seedMailTemplates(queryRunner, SEED_TEMPLATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeMailTemplates(queryRunner, SEED_TEMPLATES);
    await queryRunner.dropTable('incident_reminders');
    await queryRunner.dropTable('incidents');
  }
}
