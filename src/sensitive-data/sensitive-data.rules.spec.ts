import {
  findSensitiveData,
  hasProvinceCode,
  maskMessage,
  maskSensitiveData,
  mayUnmaskSensitiveData,
  maySeeSensitiveData,
  passesLuhn,
} from './sensitive-data.rules.js';

const kinds = (text: string) =>
  findSensitiveData(text).map((finding) => [finding.kind, text.slice(finding.start, finding.end)]);

describe('card numbers', () => {
  it.each([
    ['Số thẻ: 4111 1111 1111 1111, xin kiểm tra giúp.', 'Số thẻ: •••• •••• •••• 1111, xin kiểm tra giúp.'],
    ['My card 5555-5555-5555-4444 was charged twice.', 'My card •••• •••• •••• 4444 was charged twice.'],
    ['Amex 378282246310005 bị trừ tiền', 'Amex •••• •••• •••• 0005 bị trừ tiền'],
    ['Thẻ Napas 9704 3612 3456 7895 của Vietcombank', 'Thẻ Napas •••• •••• •••• 7895 của Vietcombank'],
    ['thẻ 19 số 9704180000123456782.', 'thẻ 19 số •••• •••• •••• 6782.'],
  ])('masks a Luhn-valid card in %j', (text, masked) => {
    expect(maskSensitiveData(text)).toBe(masked);
  });

  it('leaves numbers that fail the Luhn check as they are', () => {
    const text = 'Mã giao dịch 4111 1111 1111 1112 không phải số thẻ.';
    expect(maskSensitiveData(text)).toBe(text);
  });

  it.each([
    'Hai số điện thoại: 0912345678 0987654321',
    'Gọi lại +84 912 345 678 giúp tôi',
    'Đã chuyển 15.000.000 đ lúc 10:30 ngày 12/03/2026',
    'Refund of 1,500,000 VND for OT#100231',
    'Booking OTV-2026-001234, ticket OT#100231',
    'Mã đặt chỗ OTV-2026-0012345678901 bị trùng',
  ])('finds nothing in %j', (text) => {
    expect(findSensitiveData(text)).toEqual([]);
    expect(maskSensitiveData(text)).toBe(text);
  });

  it('computes the Luhn check digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});

describe('citizen ID numbers', () => {
  it.each([
    ['Số CCCD của tôi: 079095001234', 'Số CCCD của tôi: •••••••••234'],
    ['căn cước công dân số 001203004567 cấp tại Hà Nội', 'căn cước công dân số •••••••••567 cấp tại Hà Nội'],
    ['CĂN CƯỚC: 079 095 001 234', 'CĂN CƯỚC: •••••••••234'],
    ['Chứng minh nhân dân 023456789 đã hết hạn', 'Chứng minh nhân dân ••••••789 đã hết hạn'],
    ['CMND 123456789', 'CMND ••••••789'],
    ['số định danh cá nhân là 036188000123', 'số định danh cá nhân là •••••••••123'],
    ['My citizen ID is 079095001234.', 'My citizen ID is •••••••••234.'],
    ['ID: 123456789', 'ID: ••••••789'],
    ['Kèm theo 079095001234 như yêu cầu', 'Kèm theo •••••••••234 như yêu cầu'],
  ])('masks the ID in %j', (text, masked) => {
    expect(maskSensitiveData(text)).toBe(masked);
  });

  it('matches cue words without their diacritics, in any case', () => {
    expect(kinds('can cuoc 123456789012')).toEqual([['citizen_id', '123456789012']]);
    expect(kinds('CHUNG MINH THU 123456789')).toEqual([['citizen_id', '123456789']]);
  });

  it.each([
    'Booking ID: 123456789',
    'Transaction ID 123456789012',
    'Mã khách hàng 123456789',
    'Số tiền 123456789 đồng',
    'Tham chiếu 979095001234 không phải căn cước',
    'Số tài khoản 000123456789',
    'CCCD: chưa có, gọi 0912345678',
  ])('finds no ID in %j', (text) => {
    expect(findSensitiveData(text)).toEqual([]);
  });

  it('knows the province codes 001 to 096', () => {
    expect(hasProvinceCode('001203004567')).toBe(true);
    expect(hasProvinceCode('096203004567')).toBe(true);
    expect(hasProvinceCode('097203004567')).toBe(false);
    expect(hasProvinceCode('000203004567')).toBe(false);
  });
});

describe('passport numbers', () => {
  it.each([
    ['Hộ chiếu C1234567 hết hạn tháng 5', 'Hộ chiếu •••••567 hết hạn tháng 5'],
    ['My passport is N7654321.', 'My passport is •••••321.'],
    ['Passport no. 123456789 (USA)', 'Passport no. ••••••789 (USA)'],
    ['hộ chiếu Pháp số 12AB34567', 'hộ chiếu Pháp số ••••••567'],
    ['ho chieu: E12345678', 'ho chieu: ••••••678'],
  ])('masks the passport in %j', (text, masked) => {
    expect(maskSensitiveData(text)).toBe(masked);
  });

  it.each([
    'Passport photo attached, expiry 2031',
    'Chuyến bay VN1234567 không có',
    'Mã c1234567 viết thường',
    'Hộ chiếu còn hạn, vé OTV-2026-001234',
  ])('finds no passport in %j', (text) => {
    expect(findSensitiveData(text)).toEqual([]);
  });
});

describe('a whole message', () => {
  it('masks a card, a citizen ID and a passport in one Vietnamese complaint and leaves the rest', () => {
    const text = [
      'Kính gửi Offtrack Travel,',
      'Tôi đặt tour OTV-2026-001234 (phiếu OT#100231) và bị trừ 1.500.000 đ hai lần vào thẻ 4111 1111 1111 1111.',
      'CCCD: 079095001234, hộ chiếu C1234567. SĐT 0912 345 678.',
    ].join('\n');
    expect(maskSensitiveData(text)).toBe(
      [
        'Kính gửi Offtrack Travel,',
        'Tôi đặt tour OTV-2026-001234 (phiếu OT#100231) và bị trừ 1.500.000 đ hai lần vào thẻ •••• •••• •••• 1111.',
        'CCCD: •••••••••234, hộ chiếu •••••567. SĐT 0912 345 678.',
      ].join('\n'),
    );
  });

  it('masks inside sanitised HTML without breaking the markup', () => {
    expect(maskSensitiveData('<p>Card <b>4111-1111-1111-1111</b></p>')).toBe(
      '<p>Card <b>•••• •••• •••• 1111</b></p>',
    );
  });

  it('masks every readable part of a message', () => {
    const message = {
      id: 'm1',
      bodyText: 'CMND 123456789\n> thẻ 5555555555554444',
      visibleText: 'CMND 123456789',
      quotedText: 'thẻ 5555555555554444',
      signature: null,
      bodyHtml: '<p>CMND 123456789</p>',
    };
    expect(maskMessage(message)).toEqual({
      id: 'm1',
      bodyText: 'CMND ••••••789\n> thẻ •••• •••• •••• 4444',
      visibleText: 'CMND ••••••789',
      quotedText: 'thẻ •••• •••• •••• 4444',
      signature: null,
      bodyHtml: '<p>CMND ••••••789</p>',
    });
  });
});

describe('who sees sensitive data', () => {
  it('shows it to admins and to agents with the permission only', () => {
    expect(maySeeSensitiveData('admin', false)).toBe(true);
    expect(maySeeSensitiveData('agent', true)).toBe(true);
    expect(maySeeSensitiveData('agent', false)).toBe(false);
    expect(maySeeSensitiveData('supervisor', false)).toBe(false);
  });

  it('lets supervisors unmask, and agents only with the permission', () => {
    expect(mayUnmaskSensitiveData('supervisor', false)).toBe(true);
    expect(mayUnmaskSensitiveData('admin', false)).toBe(true);
    expect(mayUnmaskSensitiveData('agent', true)).toBe(true);
    expect(mayUnmaskSensitiveData('agent', false)).toBe(false);
  });
});
