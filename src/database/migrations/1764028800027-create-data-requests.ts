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

/**
 * Letters about a data-subject request (placeholders: customerName, ticketNumber, requestType, dueAt, and
 * verifyUrl / reason / outcome / changes where named) and staff reminders of its deadline (ticketNumber,
 * requestType, dueAt, state).
 */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'data_request_verification',
    language: 'vi',
    subject: '[{{ticketNumber}}] Xác nhận yêu cầu về dữ liệu cá nhân',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã nhận yêu cầu "{{requestType}}" của Quý khách về dữ liệu cá nhân. ' +
      'Để bảo vệ dữ liệu của Quý khách, xin xác nhận yêu cầu này bằng cách mở đường dẫn sau:\n\n{{verifyUrl}}\n\n' +
      'Chúng tôi sẽ hoàn tất yêu cầu chậm nhất vào {{dueAt}}. ' +
      'Nếu Quý khách không gửi yêu cầu này, xin bỏ qua thư này; không có dữ liệu nào được cung cấp hay thay đổi.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel\n',
  },
  {
    key: 'data_request_verification',
    language: 'en',
    subject: '[{{ticketNumber}}] Please confirm your personal data request',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has received your request to {{requestType}}. ' +
      'To protect your data, please confirm it is yours by opening this link:\n\n{{verifyUrl}}\n\n' +
      'We will complete the request by {{dueAt}} at the latest. ' +
      'If you did not make this request, please ignore this e-mail: nothing will be released or changed.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care\n',
  },
  {
    key: 'data_request_extended',
    language: 'vi',
    subject: '[{{ticketNumber}}] Gia hạn xử lý yêu cầu về dữ liệu cá nhân',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Chúng tôi cần thêm thời gian để xử lý yêu cầu "{{requestType}}" của Quý khách: {{reason}}\n' +
      'Thời hạn mới: {{dueAt}}.\n\nTrân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel\n',
  },
  {
    key: 'data_request_extended',
    language: 'en',
    subject: '[{{ticketNumber}}] More time needed for your personal data request',
    body:
      'Dear {{customerName}},\n\n' +
      'We need more time to handle your request to {{requestType}}: {{reason}}\n' +
      'New deadline: {{dueAt}}.\n\nKind regards,\nOfftrack Travel Customer Care\n',
  },
  {
    key: 'data_request_completed',
    language: 'vi',
    subject: '[{{ticketNumber}}] Yêu cầu về dữ liệu cá nhân đã được thực hiện',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Yêu cầu "{{requestType}}" của Quý khách đã được thực hiện.\n\n{{outcome}}\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel\n',
  },
  {
    key: 'data_request_completed',
    language: 'en',
    subject: '[{{ticketNumber}}] Your personal data request has been carried out',
    body:
      'Dear {{customerName}},\n\n' +
      'Your request to {{requestType}} has been carried out.\n\n{{outcome}}\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care\n',
  },
  {
    key: 'data_request_refused',
    language: 'vi',
    subject: '[{{ticketNumber}}] Về yêu cầu dữ liệu cá nhân của Quý khách',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Chúng tôi rất tiếc không thể thực hiện yêu cầu "{{requestType}}" của Quý khách, vì lý do sau:\n\n' +
      '{{outcome}}\n\nQuý khách có thể trả lời thư này nếu cần trao đổi thêm.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel\n',
  },
  {
    key: 'data_request_refused',
    language: 'en',
    subject: '[{{ticketNumber}}] About your personal data request',
    body:
      'Dear {{customerName}},\n\n' +
      'We are sorry that we cannot carry out your request to {{requestType}}, for this reason:\n\n' +
      '{{outcome}}\n\nYou can reply to this e-mail if you would like to discuss it.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care\n',
  },
  {
    key: 'data_request_corrected',
    language: 'vi',
    subject: '[{{ticketNumber}}] Dữ liệu cá nhân của Quý khách đã được chỉnh sửa',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Theo yêu cầu của Quý khách, chúng tôi đã chỉnh sửa các thông tin sau:\n\n{{changes}}\n\n' +
      'Nếu còn thông tin nào chưa đúng, xin trả lời thư này.\n\n' +
      'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel\n',
  },
  {
    key: 'data_request_corrected',
    language: 'en',
    subject: '[{{ticketNumber}}] Your personal data has been corrected',
    body:
      'Dear {{customerName}},\n\n' +
      'As you asked, we have corrected the following:\n\n{{changes}}\n\n' +
      'If anything is still wrong, please reply to this e-mail.\n\n' +
      'Kind regards,\nOfftrack Travel Customer Care\n',
  },
  {
    key: 'data_request_due_soon',
    language: 'vi',
    subject: '[Dữ liệu cá nhân] {{ticketNumber}}: yêu cầu "{{requestType}}" đến hạn {{dueAt}}',
    body:
      'Yêu cầu "{{requestType}}" của khách hàng trên {{ticketNumber}} phải hoàn tất trước hết ngày {{dueAt}} ' +
      '(thời hạn luật định).\nTrạng thái: {{state}}.\n\nXin hoàn tất, hoặc gia hạn một lần kèm lý do.\n',
  },
  {
    key: 'data_request_due_soon',
    language: 'en',
    subject: '[Personal data] {{ticketNumber}}: "{{requestType}}" request due {{dueAt}}',
    body:
      "The customer's request to {{requestType}} on {{ticketNumber}} must be completed by the end of {{dueAt}} " +
      '(a legal deadline).\nState: {{state}}.\n\nPlease complete it, or extend it once with a reason.\n',
  },
  {
    key: 'data_request_overdue',
    language: 'vi',
    subject: '[Dữ liệu cá nhân – Quá hạn] {{ticketNumber}}: yêu cầu "{{requestType}}"',
    body:
      'Yêu cầu "{{requestType}}" của khách hàng trên {{ticketNumber}} đã quá thời hạn luật định ({{dueAt}}).\n' +
      'Trạng thái: {{state}}.\n\nXin xử lý ngay.\n',
  },
  {
    key: 'data_request_overdue',
    language: 'en',
    subject: '[Personal data – Overdue] {{ticketNumber}}: "{{requestType}}" request',
    body:
      "The customer's request to {{requestType}} on {{ticketNumber}} is past its legal deadline ({{dueAt}}).\n" +
      'State: {{state}}.\n\nPlease handle it now.\n',
  },
];

/** Data-subject requests with their deadlines and identity check, and the letters about them. */
export class CreateDataRequests1764028800027 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'data_requests',
        columns: [
          id(),
          ref('ticket_id'),
          ref('customer_id'),
          str('type', 20),
          str('channel', 10),
          str('state', 24),
          text('details'),
          ref('filed_by_id', true),
          time('received_at'),
          time('first_reply_due_at'),
          time('first_replied_at', true),
          time('due_at'),
          time('extended_at', true),
          ref('extended_by_id', true),
          str('extension_reason', 1000, true),
          str('verification_hash', 64),
          str('verification_sent_to', 254),
          time('verified_at', true),
          time('export_until', true),
          time('closed_at', true),
          ref('closed_by_id', true),
          text('outcome'),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_data_requests_verification', columnNames: ['verification_hash'] }],
        indices: [
          { name: 'idx_data_requests_state_due', columnNames: ['state', 'due_at'] },
          { name: 'idx_data_requests_customer', columnNames: ['customer_id', 'received_at'] },
          { name: 'idx_data_requests_ticket', columnNames: ['ticket_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_data_requests_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_data_requests_customer',
            columnNames: ['customer_id'],
            referencedTableName: 'customers',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'data_request_reminders',
        columns: [id(), ref('data_request_id'), str('stage', 20), time('sent_at')],
        uniques: [{ name: 'uq_data_request_reminders_stage', columnNames: ['data_request_id', 'stage'] }],
        foreignKeys: [
          {
            name: 'fk_data_request_reminders_request',
            columnNames: ['data_request_id'],
            referencedTableName: 'data_requests',
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
    await queryRunner.dropTable('data_request_reminders');
    await queryRunner.dropTable('data_requests');
  }
}
