import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import {
  engineOf,
  id,
  int,
  longText,
  ref,
  removeMailTemplates,
  type SeedMailTemplate,
  seedMailTemplates,
  str,
  text,
  time,
} from '../column-types.js';

const SIGNATURE_VI = 'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel';
const SIGNATURE_EN = 'Kind regards,\nOfftrack Travel Customer Care';

/** The confirmation of an unsubscribe, however it was asked for. Placeholders: customerName. */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'newsletter_unsubscribed',
    language: 'vi',
    subject: 'Quý khách đã hủy đăng ký bản tin Offtrack Travel',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Theo yêu cầu của quý khách, chúng tôi đã ngừng gửi bản tin du lịch và thư quảng cáo tới địa chỉ ' +
      'email này. Quý khách không cần làm gì thêm.\n\n' +
      'Các thư liên quan đến yêu cầu hỗ trợ hoặc khiếu nại của quý khách vẫn được gửi như bình thường. ' +
      'Nếu muốn nhận lại bản tin, quý khách có thể đăng ký lại bất cứ lúc nào.\n\n' +
      SIGNATURE_VI,
  },
  {
    key: 'newsletter_unsubscribed',
    language: 'en',
    subject: 'You have unsubscribed from the Offtrack Travel newsletter',
    body:
      'Dear {{customerName}},\n\n' +
      'As you asked, we have stopped sending the travel newsletter and marketing mail to this address. ' +
      'There is nothing more you need to do.\n\n' +
      'Mail about your support requests and complaints will still reach you as usual. If you would like ' +
      'the newsletter again, you can sign up at any time.\n\n' +
      SIGNATURE_EN,
  },
];

/**
 * The consent log (append-only events per customer and purpose), the current consent of each customer kept
 * beside it for sends to many customers, newsletter sends, and extra headers on outbox mail
 * (List-Unsubscribe, RFC 8058).
 */
export class CreateConsent1764028800025 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'consent_events',
        columns: [
          id(),
          ref('customer_id'),
          str('purpose', 20),
          str('state', 12),
          str('source', 12),
          str('policy_version', 20),
          time('occurred_at'),
          str('actor_type', 20),
          ref('actor_id', true),
          ref('ticket_id', true),
          str('note', 500, true),
        ],
        indices: [
          {
            name: 'idx_consent_events_customer',
            columnNames: ['customer_id', 'purpose', 'occurred_at'],
          },
        ],
        foreignKeys: [
          {
            name: 'fk_consent_events_customer',
            columnNames: ['customer_id'],
            referencedTableName: 'customers',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_consents',
        columns: [
          { ...ref('customer_id'), isPrimary: true },
          { ...str('purpose', 20), isPrimary: true },
          str('state', 12),
          str('source', 12),
          str('policy_version', 20),
          time('changed_at'),
          ref('last_event_id'),
        ],
        indices: [{ name: 'idx_customer_consents_state', columnNames: ['purpose', 'state', 'customer_id'] }],
        foreignKeys: [
          {
            name: 'fk_customer_consents_customer',
            columnNames: ['customer_id'],
            referencedTableName: 'customers',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'newsletter_sends',
        columns: [
          id(),
          str('purpose', 20),
          str('subject_vi', 255),
          str('subject_en', 255),
          longText(engine, 'text_vi', false),
          longText(engine, 'text_en', false),
          longText(engine, 'html_vi'),
          longText(engine, 'html_en'),
          ref('sent_by_id'),
          str('state', 12),
          int('queued', false, 0),
          int('batches', false, 0),
          ref('last_customer_id', true),
          time('started_at'),
          time('finished_at', true),
        ],
        indices: [{ name: 'idx_newsletter_sends_state', columnNames: ['state', 'started_at'] }],
        foreignKeys: [
          {
            name: 'fk_newsletter_sends_sent_by',
            columnNames: ['sent_by_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.addColumn('outbox', new TableColumn(text('headers')));
    await seedMailTemplates(queryRunner, SEED_TEMPLATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeMailTemplates(queryRunner, SEED_TEMPLATES);
    await queryRunner.dropColumn('outbox', 'headers');
    await queryRunner.dropTable('newsletter_sends');
    await queryRunner.dropTable('customer_consents');
    await queryRunner.dropTable('consent_events');
  }
}
