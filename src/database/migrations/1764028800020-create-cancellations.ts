import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import {
  id,
  insertSeedRows,
  int,
  ref,
  removeMailTemplates,
  type SeedMailTemplate,
  seedMailTemplates,
  seedTime,
  str,
  text,
  time,
} from '../column-types.js';

const money = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
});

/** Day-one penalty terms per product type: days before departure → share of the price kept (admins edit them). */
const SEED_TERMS = [
  {
    productType: 'day_tour',
    nameVi: 'Tour trong ngày',
    nameEn: 'Day tour',
    bands: [
      { fromDays: 7, toDays: null, percentKept: 0 },
      { fromDays: 3, toDays: 6, percentKept: 30 },
      { fromDays: 1, toDays: 2, percentKept: 50 },
      { fromDays: 0, toDays: 0, percentKept: 100 },
    ],
    noShowPercentKept: 100,
  },
  {
    productType: 'multi_day_tour',
    nameVi: 'Tour nhiều ngày',
    nameEn: 'Multi-day tour',
    bands: [
      { fromDays: 30, toDays: null, percentKept: 0 },
      { fromDays: 15, toDays: 29, percentKept: 20 },
      { fromDays: 7, toDays: 14, percentKept: 50 },
      { fromDays: 0, toDays: 6, percentKept: 100 },
    ],
    noShowPercentKept: 100,
  },
  {
    productType: 'cruise',
    nameVi: 'Du thuyền',
    nameEn: 'Cruise',
    bands: [
      { fromDays: 45, toDays: null, percentKept: 10 },
      { fromDays: 30, toDays: 44, percentKept: 25 },
      { fromDays: 15, toDays: 29, percentKept: 50 },
      { fromDays: 0, toDays: 14, percentKept: 100 },
    ],
    noShowPercentKept: 100,
  },
  {
    productType: 'flight_package',
    nameVi: 'Trọn gói kèm vé máy bay',
    nameEn: 'Flight package',
    bands: [
      { fromDays: 30, toDays: null, percentKept: 15 },
      { fromDays: 15, toDays: 29, percentKept: 30 },
      { fromDays: 7, toDays: 14, percentKept: 60 },
      { fromDays: 0, toDays: 6, percentKept: 100 },
    ],
    noShowPercentKept: 100,
  },
];

const SIGN_OFF_VI =
  'Nếu có thắc mắc, xin trả lời thư này và giữ nguyên mã {{ticketNumber}} trong tiêu đề.\n\n' +
  'Trân trọng,\nBộ phận Chăm sóc khách hàng Offtrack Travel';
const SIGN_OFF_EN =
  'If you have any question, reply to this message and keep {{ticketNumber}} in the subject line.\n\n' +
  'Kind regards,\nOfftrack Travel Customer Care';
const BOOKING_VI =
  'Đặt chỗ: {{bookingReference}} ({{productName}}, khởi hành ngày {{departureDate}})\n' +
  'Ngày yêu cầu huỷ: {{requestDate}}, {{timing}}\n';
const BOOKING_EN =
  'Booking: {{bookingReference}} ({{productName}}, departing {{departureDate}})\n' +
  'Cancellation requested: {{requestDate}}, {{timing}}\n';

/**
 * Decision letters. Placeholders: customerName, ticketNumber, bookingReference, productName, departureDate,
 * requestDate, timing, price, penaltyPercent, quotedPenaltyAmount, penaltyAmount, refundAmount, reason.
 */
const SEED_TEMPLATES: SeedMailTemplate[] = [
  {
    key: 'cancellation_accepted',
    language: 'vi',
    subject: 'Xác nhận huỷ đặt chỗ {{bookingReference}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel xác nhận đã huỷ đặt chỗ theo yêu cầu của quý khách, theo điều kiện huỷ phạt của dịch vụ.\n\n' +
      BOOKING_VI +
      'Giá trị đặt chỗ: {{price}}\n' +
      'Phí huỷ ({{penaltyPercent}}%): {{penaltyAmount}}\n' +
      'Số tiền hoàn lại: {{refundAmount}}\n\n' +
      'Số tiền hoàn lại sẽ được chuyển về phương thức thanh toán ban đầu của quý khách.\n' +
      SIGN_OFF_VI,
  },
  {
    key: 'cancellation_accepted',
    language: 'en',
    subject: 'Your booking {{bookingReference}} is cancelled',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel confirms that your booking is cancelled as you asked, under the cancellation terms of the service.\n\n' +
      BOOKING_EN +
      'Booking price: {{price}}\n' +
      'Cancellation fee ({{penaltyPercent}}%): {{penaltyAmount}}\n' +
      'Refund: {{refundAmount}}\n\n' +
      'The refund will be paid back to the method you paid with.\n' +
      SIGN_OFF_EN,
  },
  {
    key: 'cancellation_reduced',
    language: 'vi',
    subject: 'Xác nhận huỷ đặt chỗ {{bookingReference}} với phí huỷ được giảm',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel xác nhận đã huỷ đặt chỗ theo yêu cầu của quý khách.\n\n' +
      BOOKING_VI +
      'Theo điều kiện huỷ, phí huỷ là {{penaltyPercent}}% ({{quotedPenaltyAmount}}). Sau khi xem xét, ' +
      'chúng tôi đồng ý giảm phí huỷ vì: {{reason}}\n\n' +
      'Giá trị đặt chỗ: {{price}}\n' +
      'Phí huỷ sau khi giảm: {{penaltyAmount}}\n' +
      'Số tiền hoàn lại: {{refundAmount}}\n\n' +
      'Số tiền hoàn lại sẽ được chuyển về phương thức thanh toán ban đầu của quý khách.\n' +
      SIGN_OFF_VI,
  },
  {
    key: 'cancellation_reduced',
    language: 'en',
    subject: 'Your booking {{bookingReference}} is cancelled, with a reduced fee',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel confirms that your booking is cancelled as you asked.\n\n' +
      BOOKING_EN +
      'Under the cancellation terms the fee is {{penaltyPercent}}% ({{quotedPenaltyAmount}}). Having reviewed ' +
      'your case, we have reduced it because: {{reason}}\n\n' +
      'Booking price: {{price}}\n' +
      'Reduced cancellation fee: {{penaltyAmount}}\n' +
      'Refund: {{refundAmount}}\n\n' +
      'The refund will be paid back to the method you paid with.\n' +
      SIGN_OFF_EN,
  },
  {
    key: 'cancellation_waived',
    language: 'vi',
    subject: 'Xác nhận huỷ đặt chỗ {{bookingReference}}, miễn phí huỷ',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel xác nhận đã huỷ đặt chỗ theo yêu cầu của quý khách.\n\n' +
      BOOKING_VI +
      'Theo điều kiện huỷ, phí huỷ là {{penaltyPercent}}% ({{quotedPenaltyAmount}}). Sau khi xem xét, ' +
      'chúng tôi miễn toàn bộ phí huỷ vì: {{reason}}\n\n' +
      'Số tiền hoàn lại: {{refundAmount}} (toàn bộ giá trị đặt chỗ)\n\n' +
      'Số tiền hoàn lại sẽ được chuyển về phương thức thanh toán ban đầu của quý khách.\n' +
      SIGN_OFF_VI,
  },
  {
    key: 'cancellation_waived',
    language: 'en',
    subject: 'Your booking {{bookingReference}} is cancelled, free of charge',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel confirms that your booking is cancelled as you asked.\n\n' +
      BOOKING_EN +
      'Under the cancellation terms the fee is {{penaltyPercent}}% ({{quotedPenaltyAmount}}). Having reviewed ' +
      'your case, we have waived it because: {{reason}}\n\n' +
      'Refund: {{refundAmount}} (the full price)\n\n' +
      'The refund will be paid back to the method you paid with.\n' +
      SIGN_OFF_EN,
  },
  {
    key: 'cancellation_refused',
    language: 'vi',
    subject: 'Kết quả xem xét yêu cầu huỷ đặt chỗ {{bookingReference}}',
    body:
      'Kính gửi {{customerName}},\n\n' +
      'Offtrack Travel đã xem xét yêu cầu huỷ đặt chỗ của quý khách và rất tiếc chưa thể chấp nhận.\n\n' +
      BOOKING_VI +
      'Lý do: {{reason}}\n\n' +
      'Đặt chỗ của quý khách vẫn được giữ nguyên. Nếu quý khách không đồng ý hoặc có thêm thông tin, ' +
      'chúng tôi sẽ xem xét lại.\n' +
      SIGN_OFF_VI,
  },
  {
    key: 'cancellation_refused',
    language: 'en',
    subject: 'Our decision on cancelling booking {{bookingReference}}',
    body:
      'Dear {{customerName}},\n\n' +
      'Offtrack Travel has reviewed your request to cancel your booking and regrets that it cannot accept it.\n\n' +
      BOOKING_EN +
      'Reason: {{reason}}\n\n' +
      'Your booking stands as it is. If you disagree or have further information, we will review it again.\n' +
      SIGN_OFF_EN,
  },
];

/**
 * Cancellation under penalty terms (the policy lets customers cancel under the service's penalty terms):
 * versioned terms per product type, and the cancellation requests quoted from them and decided on tickets.
 */
export class CreateCancellations1764028800020 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cancellation_terms',
        columns: [
          id(),
          str('product_type', 40),
          // Each save adds a version; quotes point at the version they used, so rows are never changed.
          int('version'),
          str('name_vi', 100),
          str('name_en', 100),
          text('bands', false),
          int('no_show_percent_kept'),
          ref('created_by_id', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_cancellation_terms_version', columnNames: ['product_type', 'version'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cancellations',
        columns: [
          id(),
          ref('ticket_id'),
          str('booking_reference', 40),
          str('product_type', 40),
          // A calendar date (YYYY-MM-DD) in Asia/Ho_Chi_Minh, not an instant.
          str('departure_date', 10),
          money('price_vnd'),
          time('requested_at'),
          int('days_before_departure'),
          ref('terms_id'),
          int('terms_version'),
          text('applied_band', false),
          int('penalty_percent'),
          money('penalty_amount_vnd'),
          money('refund_amount_vnd'),
          str('state', 20),
          money('decided_penalty_amount_vnd', true),
          money('decided_refund_amount_vnd', true),
          text('decision_reason'),
          ref('decided_by_id', true),
          time('decided_at', true),
          ref('letter_message_id', true),
          ref('created_by_id', true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [{ name: 'idx_cancellations_ticket', columnNames: ['ticket_id', 'created_at'] }],
        foreignKeys: [
          {
            name: 'fk_cancellations_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_cancellations_terms',
            columnNames: ['terms_id'],
            referencedTableName: 'cancellation_terms',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    const now = seedTime(new Date());
    await insertSeedRows(
      queryRunner,
      'cancellation_terms',
      SEED_TERMS.map((terms) => ({
        id: randomUUID(),
        product_type: terms.productType,
        version: 1,
        name_vi: terms.nameVi,
        name_en: terms.nameEn,
        bands: JSON.stringify(terms.bands),
        no_show_percent_kept: terms.noShowPercentKept,
        created_by_id: null,
        created_at: now,
      })),
    );
    await seedMailTemplates(queryRunner, SEED_TEMPLATES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeMailTemplates(queryRunner, SEED_TEMPLATES);
    await queryRunner.dropTable('cancellations');
    await queryRunner.dropTable('cancellation_terms');
  }
}
