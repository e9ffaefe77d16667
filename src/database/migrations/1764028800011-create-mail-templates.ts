import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';
import { engineOf, id, insertSeedRows, longText, seedTime, str, time } from '../column-types.js';

/**
 * Texts of automatic mail, per language; admins edit them. Placeholders: {{customerName}}, {{ticketNumber}},
 * {{subject}}. The acknowledgement says what happens next, with the legal time limits (Decree 55/2024).
 */
const SEED_TEMPLATES = [
  {
    key: 'acknowledgement',
    language: 'vi',
    subject: 'Chúng tôi đã nhận khiếu nại của quý khách: {{subject}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã nhận được yêu cầu của quý khách và ghi nhận với mã số {{ticketNumber}}.\n' +
      'Nhân viên chăm sóc khách hàng sẽ xem xét và phản hồi trong thời gian sớm nhất, chậm nhất trong 7 ngày làm việc.\n' +
      'Nếu quý khách phát hiện giao dịch gian lận hoặc bị giả mạo, xin trả lời ngay thư này để chúng tôi kịp thời tạm ngưng giao dịch.\n\n' +
      'Khi trả lời, xin giữ nguyên mã {{ticketNumber}} trong tiêu đề thư.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel',
  },
  {
    key: 'acknowledgement',
    language: 'en',
    subject: 'We have received your request: {{subject}}',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has received your request and recorded it as {{ticketNumber}}.\n' +
      'Our care team will review it and answer as soon as possible, and within 7 working days at the latest.\n' +
      'If you have noticed a fraudulent or altered transaction, reply to this message at once so we can suspend it.\n\n' +
      'When you reply, please keep {{ticketNumber}} in the subject line.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care',
  },
];

export class CreateMailTemplates1764028800011 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'mail_templates',
        columns: [
          id(),
          str('key', 50),
          str('language', 5),
          str('subject', 255),
          longText(engine, 'body_text', false),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_mail_templates_key_language', columnNames: ['key', 'language'] }],
      }),
    );
    const now = seedTime(new Date());
    await insertSeedRows(
      queryRunner,
      'mail_templates',
      SEED_TEMPLATES.map((template) => ({
        id: randomUUID(),
        key: template.key,
        language: template.language,
        subject: template.subject,
        body_text: template.body,
        updated_at: now,
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_templates');
  }
}
