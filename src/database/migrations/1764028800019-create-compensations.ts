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

/** Letters telling the customer a compensation decision. Placeholders: customerName, ticketNumber, amount, reason, note. */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'compensation_approved',
    language: 'vi',
    subject: 'Offtrack Travel chấp thuận bồi thường cho yêu cầu {{ticketNumber}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã xem xét yêu cầu {{ticketNumber}} và chấp thuận bồi thường cho quý khách ' +
      'số tiền {{amount}} vì {{reason}}.\n\n' +
      '{{note}}\n\n' +
      'Khoản bồi thường sẽ được thanh toán cho quý khách trong thời gian sớm nhất.\n' +
      'Nếu có thắc mắc, xin trả lời thư này và giữ nguyên mã {{ticketNumber}} trong tiêu đề.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel',
  },
  {
    key: 'compensation_approved',
    language: 'en',
    subject: 'Offtrack Travel approves compensation for request {{ticketNumber}}',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has reviewed request {{ticketNumber}} and approved compensation of {{amount}} ' +
      'for {{reason}}.\n\n' +
      '{{note}}\n\n' +
      'The compensation will be paid to you as soon as possible.\n' +
      'If you have any question, reply to this message and keep {{ticketNumber}} in the subject line.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care',
  },
  {
    key: 'compensation_rejected',
    language: 'vi',
    subject: 'Kết quả xem xét bồi thường cho yêu cầu {{ticketNumber}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã xem xét kỹ việc bồi thường cho yêu cầu {{ticketNumber}} liên quan đến {{reason}}, ' +
      'và rất tiếc chưa thể chấp thuận.\n\n' +
      'Lý do: {{note}}\n\n' +
      'Nếu quý khách không đồng ý hoặc có thêm thông tin, chứng từ, xin trả lời thư này và giữ nguyên mã ' +
      '{{ticketNumber}} trong tiêu đề; chúng tôi sẽ xem xét lại.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel',
  },
  {
    key: 'compensation_rejected',
    language: 'en',
    subject: 'Our decision on compensation for request {{ticketNumber}}',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has carefully reviewed compensation for request {{ticketNumber}} concerning {{reason}}, ' +
      'and regrets that it cannot be approved.\n\n' +
      'Reason: {{note}}\n\n' +
      'If you disagree or have further information or receipts, reply to this message and keep ' +
      '{{ticketNumber}} in the subject line; we will review it again.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care',
  },
];

/** Compensation for payment incidents, proposed on a ticket, decided with four eyes, then paid. */
export class CreateCompensations1764028800019 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'compensations',
        columns: [
          id(),
          ref('ticket_id'),
          str('reason_code', 30),
          text('explanation', false),
          { name: 'amount_vnd', type: 'bigint', isNullable: false },
          text('evidence_links', false),
          str('state', 20),
          ref('proposed_by_id'),
          time('proposed_at'),
          ref('decided_by_id', true),
          time('decided_at', true),
          text('decision_note'),
          ref('letter_message_id', true),
          ref('paid_by_id', true),
          time('paid_at', true),
          str('payment_reference', 100, true),
          time('withdrawn_at', true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          { name: 'idx_compensations_ticket', columnNames: ['ticket_id', 'proposed_at'] },
          // The queue awaiting decision, oldest first.
          { name: 'idx_compensations_state', columnNames: ['state', 'proposed_at'] },
          // The report: paid compensation in a period.
          { name: 'idx_compensations_paid', columnNames: ['paid_at'] },
        ],
        foreignKeys: [
          {
            name: 'fk_compensations_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_compensations_proposed_by',
            columnNames: ['proposed_by_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await seedMailTemplates(queryRunner, SEED_TEMPLATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeMailTemplates(queryRunner, SEED_TEMPLATES);
    await queryRunner.dropTable('compensations');
  }
}
