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

const SIGNATURE_VI = 'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel';
const SIGNATURE_EN = 'Kind regards,\nOfftrack Travel Customer Care';

/** Letters telling the customer what became of a reported transaction. Placeholders: customerName, ticketNumber, bookingReference. */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'transaction_suspended',
    language: 'vi',
    subject: 'Giao dịch {{bookingReference}} đã được tạm ngưng để xác minh',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Theo yêu cầu {{ticketNumber}}, Offtrack Travel đã tạm ngưng giao dịch có mã đặt chỗ ' +
      '{{bookingReference}} để xác minh. Trong thời gian này giao dịch sẽ không được thực hiện tiếp.\n\n' +
      'Chúng tôi sẽ thông báo kết quả xác minh cho quý khách ngay khi có. Nếu quý khách có thêm thông tin ' +
      'hoặc chứng từ, xin trả lời thư này và giữ nguyên mã {{ticketNumber}} trong tiêu đề.\n\n' +
      SIGNATURE_VI,
  },
  {
    key: 'transaction_suspended',
    language: 'en',
    subject: 'Transaction {{bookingReference}} is suspended for verification',
    body:
      'Dear {{customerName}},\n\n' +
      'Following request {{ticketNumber}}, Offtrack Travel has suspended the transaction with booking ' +
      'reference {{bookingReference}} for verification. It will not go ahead while we verify it.\n\n' +
      'We will tell you the outcome as soon as we have it. If you have more information or receipts, reply ' +
      'to this message and keep {{ticketNumber}} in the subject line.\n\n' +
      SIGNATURE_EN,
  },
  {
    key: 'transaction_verified_legitimate',
    language: 'vi',
    subject: 'Kết quả xác minh giao dịch {{bookingReference}}: giao dịch hợp lệ',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã hoàn tất xác minh giao dịch có mã đặt chỗ {{bookingReference}} (yêu cầu ' +
      '{{ticketNumber}}). Giao dịch là hợp lệ và được tiếp tục thực hiện như bình thường.\n\n' +
      'Nếu quý khách vẫn còn lo ngại, xin trả lời thư này và giữ nguyên mã {{ticketNumber}} trong tiêu đề.\n\n' +
      SIGNATURE_VI,
  },
  {
    key: 'transaction_verified_legitimate',
    language: 'en',
    subject: 'Transaction {{bookingReference}} verified: it is legitimate',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has finished verifying the transaction with booking reference {{bookingReference}} ' +
      '(request {{ticketNumber}}). It is legitimate and goes ahead as normal.\n\n' +
      'If you still have concerns, reply to this message and keep {{ticketNumber}} in the subject line.\n\n' +
      SIGNATURE_EN,
  },
  {
    key: 'transaction_confirmed_fraud',
    language: 'vi',
    subject: 'Kết quả xác minh giao dịch {{bookingReference}}: giao dịch gian lận đã bị chặn',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã xác minh giao dịch có mã đặt chỗ {{bookingReference}} (yêu cầu {{ticketNumber}}) ' +
      'và xác nhận đây là giao dịch gian lận hoặc đã bị thay đổi trái phép. Giao dịch đã bị chặn và sẽ không ' +
      'được thực hiện.\n\n' +
      'Nhân viên của chúng tôi sẽ liên hệ với quý khách về các bước tiếp theo, kể cả việc hoàn tiền nếu có. ' +
      'Xin quý khách không cung cấp mật khẩu hay mã OTP cho bất kỳ ai.\n\n' +
      SIGNATURE_VI,
  },
  {
    key: 'transaction_confirmed_fraud',
    language: 'en',
    subject: 'Transaction {{bookingReference}} verified: the fraudulent transaction is stopped',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has verified the transaction with booking reference {{bookingReference}} (request ' +
      '{{ticketNumber}}) and confirmed that it was fraudulent or altered without authorisation. It has been ' +
      'stopped and will not go ahead.\n\n' +
      'Our staff will contact you about the next steps, including any refund. Never give your password or ' +
      'one-time code to anyone.\n\n' +
      SIGNATURE_EN,
  },
];

/**
 * Transaction cases on tickets (suspension for verification, then an outcome) and the outbox of signed
 * webhook calls that tell the booking/payment system to halt or release each transaction.
 */
export class CreateTransactionCases1764028800023 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'transaction_cases',
        columns: [
          id(),
          ref('ticket_id'),
          str('booking_reference', 100),
          str('kind', 30),
          str('state', 30),
          text('description'),
          ref('reported_by_id'),
          time('reported_at'),
          ref('suspended_by_id', true),
          time('suspended_at', true),
          text('suspension_reason'),
          ref('suspension_letter_id', true),
          ref('decided_by_id', true),
          time('decided_at', true),
          text('decision_reason'),
          ref('decision_letter_id', true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          { name: 'idx_transaction_cases_ticket', columnNames: ['ticket_id', 'reported_at'] },
          { name: 'idx_transaction_cases_booking', columnNames: ['booking_reference'] },
        ],
        foreignKeys: [
          {
            name: 'fk_transaction_cases_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_transaction_cases_reported_by',
            columnNames: ['reported_by_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          id(),
          ref('case_id'),
          str('event', 40),
          // The case's version after the move: calls for one case go out in this order.
          int('sequence'),
          // Frozen when written: every attempt sends (and signs) the same bytes.
          text('body', false),
          str('state', 20),
          int('attempts', false, 0),
          time('next_attempt_at'),
          time('claimed_at', true),
          int('last_status', true),
          str('last_error', 500, true),
          time('last_attempt_at', true),
          time('delivered_at', true),
          time('created_at'),
        ],
        indices: [
          // The sender: due pending rows, oldest first; the admin list of failed ones.
          { name: 'idx_webhook_deliveries_due', columnNames: ['state', 'next_attempt_at'] },
          { name: 'idx_webhook_deliveries_case', columnNames: ['case_id', 'sequence'] },
        ],
        foreignKeys: [
          {
            name: 'fk_webhook_deliveries_case',
            columnNames: ['case_id'],
            referencedTableName: 'transaction_cases',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await seedMailTemplates(queryRunner, SEED_TEMPLATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeMailTemplates(queryRunner, SEED_TEMPLATES);
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('transaction_cases');
  }
}
