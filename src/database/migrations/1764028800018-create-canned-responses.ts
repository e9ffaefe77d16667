import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, engineOf, id, insertSeedRows, int, longText, seedTime, str, time } from '../column-types.js';

/** Placeholders: customerName, ticketNumber, agentName. */
const SEED = [
  {
    title: 'Xin lỗi và xin thêm thông tin',
    language: 'vi',
    body:
      'Kính gửi {{customerName}},\n\nOfftrack Travel thành thật xin lỗi về trải nghiệm chưa tốt của quý khách. ' +
      'Để giải quyết yêu cầu {{ticketNumber}}, xin quý khách gửi giúp chúng tôi mã đặt tour và ảnh chụp ' +
      'chứng từ liên quan.\n\nTrân trọng,\n{{agentName}}\nBộ phận Chăm sóc khách hàng Offtrack Travel',
  },
  {
    title: 'Sorry, and a request for details',
    language: 'en',
    body:
      'Dear {{customerName}},\n\nWe are truly sorry about your experience. To resolve request {{ticketNumber}}, ' +
      'please send us your booking reference and a photo of any related receipt.\n\nKind regards,\n' +
      '{{agentName}}\nOfftrack Travel Customer Care',
  },
  {
    title: 'Đã hoàn tiền',
    language: 'vi',
    body:
      'Kính gửi {{customerName}},\n\nChúng tôi đã hoàn tiền cho yêu cầu {{ticketNumber}}. Tùy ngân hàng, ' +
      'khoản tiền sẽ về tài khoản của quý khách trong 5–10 ngày làm việc.\n\nTrân trọng,\n{{agentName}}',
  },
  {
    title: 'Refund made',
    language: 'en',
    body:
      'Dear {{customerName}},\n\nWe have made the refund for request {{ticketNumber}}. Depending on your bank, ' +
      'it reaches your account within 5–10 working days.\n\nKind regards,\n{{agentName}}',
  },
];

/** Canned responses agents insert into replies; admins keep them, per language. */
export class CreateCannedResponses1764028800018 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'canned_responses',
        columns: [
          id(),
          str('title', 100),
          str('language', 5),
          longText(engine, 'body', false),
          bool('is_active', true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [{ name: 'idx_canned_responses_language', columnNames: ['language', 'title'] }],
      }),
    );
    const now = seedTime(new Date());
    await insertSeedRows(
      queryRunner,
      'canned_responses',
      SEED.map((response) => ({
        id: randomUUID(),
        title: response.title,
        language: response.language,
        body: response.body,
        is_active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('canned_responses');
  }
}
