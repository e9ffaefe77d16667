import {
  describeFailure,
  fillTemplate,
  isPermanentFailure,
  newMessageId,
  retryDelayMs,
} from './delivery.rules.js';

describe('retryDelayMs', () => {
  it('doubles from one minute and stops growing at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 3600_000);
  });
});

describe('isPermanentFailure', () => {
  it('gives up on 5xx replies and retries the rest', () => {
    expect(isPermanentFailure({ responseCode: 550, message: 'mailbox unavailable' })).toBe(true);
    expect(isPermanentFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentFailure({ code: 'ECONNREFUSED' })).toBe(false);
  });

  it('describes a failure briefly', () => {
    expect(describeFailure({ responseCode: 550, code: 'EENVELOPE', message: 'no such user' })).toBe(
      '550 EENVELOPE no such user',
    );
  });
});

describe('newMessageId', () => {
  it('is unique and on our domain', () => {
    const first = newMessageId('care@offtrack.vn');
    expect(first).toMatch(/^<[0-9a-f-]{36}@offtrack\.vn>$/);
    expect(newMessageId('care@offtrack.vn')).not.toBe(first);
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(
      fillTemplate('Kính gửi {{customerName}}, mã {{ ticketNumber }} {{oops}}', {
        customerName: 'Nguyễn Văn A',
        ticketNumber: 'OT#100231',
      }),
    ).toBe('Kính gửi Nguyễn Văn A, mã OT#100231 {{oops}}');
  });
});
