import { isAutoReply, isBulk, isDeliveryReport, isOwnAddress, noiseKind } from './mail-noise.rules.js';

const CUSTOMER_MAIL = {
  from: 'Nguyễn Thị Lan <lan.nguyen@gmail.com>',
  to: 'care@offtrack.test',
  subject: 'Khiếu nại hoàn tiền tour Hạ Long',
  'message-id': '<CAF=abc@mail.gmail.com>',
  'content-type': 'text/plain; charset=UTF-8',
};

describe('isAutoReply', () => {
  it('takes a customer’s own mail for what it is', () => {
    expect(isAutoReply(CUSTOMER_MAIL)).toBe(false);
  });

  it.each(['auto-replied', 'auto-generated', 'auto-notified', 'Auto-Replied', 'AUTO-GENERATED'])(
    'recognises Auto-Submitted: %s',
    (value) => {
      expect(isAutoReply({ ...CUSTOMER_MAIL, 'auto-submitted': value })).toBe(true);
    },
  );

  it('recognises Auto-Submitted with parameters and unknown extension values', () => {
    expect(isAutoReply({ 'auto-submitted': 'auto-replied; owner-email="lan@example.vn"' })).toBe(true);
    expect(isAutoReply({ 'auto-submitted': 'auto-something-new' })).toBe(true);
  });

  it('takes Auto-Submitted: no (and an empty value) as written by a person', () => {
    expect(isAutoReply({ 'auto-submitted': 'no' })).toBe(false);
    expect(isAutoReply({ 'auto-submitted': ' No ; comment' })).toBe(false);
    expect(isAutoReply({ 'auto-submitted': '' })).toBe(false);
  });

  it('reads every value of a repeated header', () => {
    expect(isAutoReply({ 'auto-submitted': ['no', 'auto-replied'] })).toBe(true);
  });

  it('recognises X-Autoreply and X-Autorespond unless they say no', () => {
    expect(isAutoReply({ 'x-autoreply': 'yes' })).toBe(true);
    expect(isAutoReply({ 'x-autorespond': 'Vacation responder' })).toBe(true);
    expect(isAutoReply({ 'x-autoreply': 'no' })).toBe(false);
    expect(isAutoReply({ 'x-autorespond': 'False' })).toBe(false);
    expect(isAutoReply({ 'x-autoreply': '' })).toBe(false);
  });

  it('recognises X-Auto-Response-Suppress only when it suppresses every auto-reply', () => {
    expect(isAutoReply({ 'x-auto-response-suppress': 'All' })).toBe(true);
    expect(isAutoReply({ 'x-auto-response-suppress': 'OOF, AutoReply' })).toBe(true);
    expect(isAutoReply({ 'x-auto-response-suppress': 'DR, NDR, RN, NRN, OOF, AutoReply' })).toBe(true);
  });

  it('ignores X-Auto-Response-Suppress that ordinary Outlook mail carries', () => {
    expect(isAutoReply({ 'x-auto-response-suppress': 'None' })).toBe(false);
    expect(isAutoReply({ 'x-auto-response-suppress': 'RN, NRN' })).toBe(false);
    expect(isAutoReply({ 'x-auto-response-suppress': 'DR, NDR' })).toBe(false);
    expect(isAutoReply({ 'x-auto-response-suppress': 'OOF' })).toBe(false);
    expect(isAutoReply({ 'x-auto-response-suppress': '' })).toBe(false);
  });

  it('recognises Precedence: auto_reply but not other precedences', () => {
    expect(isAutoReply({ precedence: 'auto_reply' })).toBe(true);
    expect(isAutoReply({ precedence: 'Auto_Reply' })).toBe(true);
    expect(isAutoReply({ precedence: 'bulk' })).toBe(false);
  });

  it('recognises an Exchange out-of-office reply', () => {
    expect(
      isAutoReply({
        from: 'Tran Minh <minh.tran@partner-hotel.vn>',
        subject: 'Trả lời tự động: [OT#100231] Xác nhận đặt phòng',
        'auto-submitted': 'auto-replied',
        'x-auto-response-suppress': 'All',
        'x-ms-exchange-inbox-rules-loop': 'minh.tran@partner-hotel.vn',
      }),
    ).toBe(true);
  });
});

describe('isBulk', () => {
  it('takes a customer’s own mail for what it is', () => {
    expect(isBulk(CUSTOMER_MAIL)).toBe(false);
  });

  it.each(['bulk', 'junk', 'list', 'BULK', ' list '])('recognises Precedence: %s', (value) => {
    expect(isBulk({ precedence: value })).toBe(true);
  });

  it('recognises mailing lists and newsletters by List-Id or List-Unsubscribe', () => {
    expect(isBulk({ 'list-id': 'Tour operators <tour-ops.lists.example.vn>' })).toBe(true);
    expect(
      isBulk({ 'list-unsubscribe': '<mailto:unsub@news.example.com>, <https://news.example.com/u/1>' }),
    ).toBe(true);
  });

  it('ignores empty list headers and Feedback-ID', () => {
    expect(isBulk({ 'list-id': '' })).toBe(false);
    expect(isBulk({ 'list-unsubscribe': ['  '] })).toBe(false);
    expect(isBulk({ 'feedback-id': '1.ap-southeast-1.abc:AmazonSES' })).toBe(false);
  });

  it('does not take an auto-reply precedence for bulk', () => {
    expect(isBulk({ precedence: 'auto_reply' })).toBe(false);
  });
});

describe('isDeliveryReport', () => {
  it('recognises a multipart/report delivery-status, quoted or not, in any case', () => {
    expect(isDeliveryReport('multipart/report; report-type=delivery-status; boundary="b1"', {})).toBe(true);
    expect(isDeliveryReport('multipart/report; boundary="b1"; report-type="delivery-status"', {})).toBe(true);
    expect(isDeliveryReport('Multipart/Report; Report-Type="Delivery-Status"', {})).toBe(true);
    expect(isDeliveryReport('multipart/report;report-type = delivery-status', {})).toBe(true);
  });

  it('does not take other reports or plain mail for delivery reports', () => {
    expect(isDeliveryReport('multipart/report; report-type=disposition-notification', {})).toBe(false);
    expect(isDeliveryReport('multipart/mixed; boundary="delivery-status"', {})).toBe(false);
    expect(isDeliveryReport('text/plain; charset=utf-8', CUSTOMER_MAIL)).toBe(false);
    expect(isDeliveryReport('', {})).toBe(false);
  });

  it.each([
    ['Mail Delivery System <MAILER-DAEMON@mx1.example.net>', 'Undelivered Mail Returned to Sender'],
    ['Mail Delivery Subsystem <mailer-daemon@googlemail.com>', 'Delivery Status Notification (Failure)'],
    [
      'Mail Delivery System <Mailer-Daemon@mail.example.vn>',
      'Mail delivery failed: returning message to sender',
    ],
    ['Microsoft Outlook <postmaster@partner-hotel.vn>', 'Undeliverable: [OT#100231] Xác nhận đặt phòng'],
    ['MAILER-DAEMON@yahoo.com', 'Delivery Failure'],
    ['Mail Delivery Subsystem <MAILER-DAEMON>', 'Returned mail: see transcript for details'],
    ['MAILER-DAEMON@mail.example.org', 'failure notice'],
  ])('falls back to a mail-system sender %j with subject %j', (from, subject) => {
    expect(isDeliveryReport('text/plain', { from, subject })).toBe(true);
  });

  it('falls back to an empty Return-Path with a bounce subject', () => {
    expect(
      isDeliveryReport('text/plain', {
        from: 'Mail Administrator <admin@mail.example.vn>',
        'return-path': '<>',
        subject: 'Undeliverable: Hoàn tiền',
      }),
    ).toBe(true);
  });

  it('does not take a bounce subject from a person for a delivery report', () => {
    expect(
      isDeliveryReport('text/plain', {
        from: 'Lan Nguyen <lan.nguyen@gmail.com>',
        'return-path': '<lan.nguyen@gmail.com>',
        subject: 'Undelivered Mail Returned to Sender',
      }),
    ).toBe(false);
  });

  it('does not take any mail from postmaster for a delivery report', () => {
    expect(
      isDeliveryReport('text/plain', { from: 'postmaster@example.vn', subject: 'Khiếu nại về tour' }),
    ).toBe(false);
    expect(isDeliveryReport('text/plain', { 'return-path': '<>', subject: 'Out of office' })).toBe(false);
  });

  it('does not mistake an address that merely contains postmaster', () => {
    expect(
      isDeliveryReport('text/plain', { from: 'chief-postmaster@x.test', subject: 'Delivery failure' }),
    ).toBe(false);
  });
});

describe('noiseKind', () => {
  it('gives null for a customer’s own mail', () => {
    expect(noiseKind({ contentType: 'text/plain; charset=UTF-8', headers: CUSTOMER_MAIL })).toBeNull();
  });

  it('puts a bounce first even when it also says auto-replied', () => {
    expect(
      noiseKind({
        contentType: 'multipart/report; report-type=delivery-status',
        headers: { 'auto-submitted': 'auto-replied', precedence: 'bulk' },
      }),
    ).toBe('bounce');
  });

  it('puts an auto-reply before bulk when a vacation responder adds Precedence: bulk', () => {
    expect(
      noiseKind({ contentType: 'text/plain', headers: { 'x-autoreply': 'yes', precedence: 'bulk' } }),
    ).toBe('auto_reply');
  });

  it('takes a read receipt for an auto-reply', () => {
    expect(
      noiseKind({ contentType: 'multipart/report; report-type="disposition-notification"', headers: {} }),
    ).toBe('auto_reply');
  });

  it('recognises a newsletter as bulk', () => {
    expect(
      noiseKind({
        contentType: 'multipart/alternative; boundary="x"',
        headers: { 'list-unsubscribe': '<https://news.example.com/u/1>', 'feedback-id': 'camp1:acct:mc' },
      }),
    ).toBe('bulk');
  });
});

describe('isOwnAddress', () => {
  const own = ['care@offtrack.test', 'Khieunai@Offtrack.test'];

  it('recognises our addresses in any case', () => {
    expect(isOwnAddress('care@offtrack.test', own)).toBe(true);
    expect(isOwnAddress('CARE@OFFTRACK.TEST', own)).toBe(true);
    expect(isOwnAddress('khieunai@offtrack.test', own)).toBe(true);
    expect(isOwnAddress('  care@offtrack.test ', own)).toBe(true);
  });

  it('recognises plus-addressed forms of our addresses', () => {
    expect(isOwnAddress('care+x@offtrack.test', own)).toBe(true);
    expect(isOwnAddress('Care+OT100231@Offtrack.Test', own)).toBe(true);
    expect(isOwnAddress('care+a+b@offtrack.test', own)).toBe(true);
  });

  it('strips a plus tag on the configured side too', () => {
    expect(isOwnAddress('care@offtrack.test', ['care+inbox@offtrack.test'])).toBe(true);
  });

  it('does not take other addresses for ours', () => {
    expect(isOwnAddress('care@offtrack.example', own)).toBe(false);
    expect(isOwnAddress('care.team@offtrack.test', own)).toBe(false);
    expect(isOwnAddress('customer-care@offtrack.test', own)).toBe(false);
    expect(isOwnAddress('lan.nguyen+care@gmail.com', own)).toBe(false);
    expect(isOwnAddress('+care@offtrack.test', own)).toBe(false);
  });

  it('gives false for an empty address or no own addresses', () => {
    expect(isOwnAddress('', own)).toBe(false);
    expect(isOwnAddress('care@offtrack.test', [])).toBe(false);
    expect(isOwnAddress('', [''])).toBe(false);
  });
});
