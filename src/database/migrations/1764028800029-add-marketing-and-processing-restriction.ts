import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { ref, removeMailTemplates, type SeedMailTemplate, seedMailTemplates, time } from '../column-types.js';

const SIGNATURE_VI = 'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel';
const SIGNATURE_EN = 'Kind regards,\nOfftrack Travel Customer Care';

/**
 * The confirmation of a marketing unsubscribe (placeholder: customerName), and the letter telling a customer
 * their processing restriction was lifted (customerName, ticketNumber, requestType, reason).
 */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'marketing_unsubscribed',
    language: 'vi',
    subject: 'Quý khách đã hủy đăng ký thư tiếp thị của Offtrack Travel',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Theo yêu cầu của quý khách, chúng tôi đã ngừng gửi thư tiếp thị (ưu đãi, khuyến mãi) tới địa chỉ ' +
      'email này. Quý khách không cần làm gì thêm.\n\n' +
      'Bản tin du lịch, nếu quý khách có đăng ký, và các thư liên quan đến yêu cầu hỗ trợ hoặc khiếu nại ' +
      'vẫn được gửi như bình thường. Nếu muốn nhận lại thư tiếp thị, quý khách có thể đăng ký lại bất cứ lúc nào.\n\n' +
      SIGNATURE_VI,
  },
  {
    key: 'marketing_unsubscribed',
    language: 'en',
    subject: 'You have unsubscribed from Offtrack Travel marketing mail',
    body:
      'Dear {{customerName}},\n\n' +
      'As you asked, we have stopped sending marketing mail (offers, promotions) to this address. ' +
      'There is nothing more you need to do.\n\n' +
      'The travel newsletter, if you signed up for it, and mail about your support requests and complaints ' +
      'will still reach you as usual. If you would like marketing mail again, you can sign up at any time.\n\n' +
      SIGNATURE_EN,
  },
  {
    key: 'data_request_restriction_lifted',
    language: 'vi',
    subject: '[{{ticketNumber}}] Chấm dứt hạn chế xử lý dữ liệu cá nhân',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Theo yêu cầu "{{requestType}}" của Quý khách, chúng tôi đã hạn chế xử lý dữ liệu cá nhân của Quý khách. ' +
      'Việc hạn chế này nay được chấm dứt vì lý do sau: {{reason}}\n\n' +
      'Chúng tôi vẫn không gửi bản tin hay thư tiếp thị cho Quý khách nếu Quý khách đã rút lại sự đồng ý. ' +
      'Nếu Quý khách không đồng ý với quyết định này, xin trả lời thư này.\n\n' +
      SIGNATURE_VI +
      '\n',
  },
  {
    key: 'data_request_restriction_lifted',
    language: 'en',
    subject: '[{{ticketNumber}}] The restriction on processing your personal data has been lifted',
    body:
      'Dear {{customerName}},\n\n' +
      'At your request to {{requestType}}, we restricted the processing of your personal data. ' +
      'That restriction has now been lifted, for this reason: {{reason}}\n\n' +
      'We still send you no newsletter or marketing mail if you have withdrawn your consent to it. ' +
      'If you disagree with this decision, please reply to this e-mail.\n\n' +
      SIGNATURE_EN +
      '\n',
  },
];

/**
 * Marketing mail beside the newsletter (its confirmation letter), and a processing restriction on the
 * customer record, set when a restrict or object request is completed (Law 91/2025) and lifted by staff.
 */
export class AddMarketingAndProcessingRestriction1764028800029 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('customers', [
      new TableColumn(time('processing_restricted_at', true)),
      new TableColumn(ref('processing_restriction_request_id', true)),
    ]);
    await seedMailTemplates(queryRunner, SEED_TEMPLATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeMailTemplates(queryRunner, SEED_TEMPLATES);
    await queryRunner.dropColumn('customers', 'processing_restriction_request_id');
    await queryRunner.dropColumn('customers', 'processing_restricted_at');
  }
}
