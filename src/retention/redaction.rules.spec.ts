import { REDACTED, redactPersonalData } from './redaction.rules.js';

describe('redactPersonalData', () => {
  it('removes e-mail addresses, phone numbers, card, citizen ID and passport numbers from a Vietnamese complaint', () => {
    const body =
      'Tôi là Nguyễn Thị Hồng Nhung, email nhung.nguyen@gmail.com, SĐT 0912 345 678 hoặc +84 987 654 321. ' +
      'Thẻ 4111 1111 1111 1111 bị trừ tiền hai lần. CCCD số 079201001234, hộ chiếu C1234567. ' +
      'Mã đặt tour OTV-2026-001234, số tiền 1.500.000 đồng, phiếu OT#100231.';
    const redacted = redactPersonalData(body, ['Nguyễn Thị Hồng Nhung']);
    expect(redacted).toBe(
      `Tôi là ${REDACTED.name}, email ${REDACTED.email}, SĐT ${REDACTED.phone} hoặc ${REDACTED.phone}. ` +
        `Thẻ ${REDACTED.card_number} bị trừ tiền hai lần. CCCD số ${REDACTED.citizen_id}, hộ chiếu ${REDACTED.passport_number}. ` +
        'Mã đặt tour OTV-2026-001234, số tiền 1.500.000 đồng, phiếu OT#100231.',
    );
  });

  it('does the same in English, with the passport number after its cue word', () => {
    const body =
      'Dear team, I am John Smith (john.smith@example.co.uk, +44 20 7946 0958). My card 5555-5555-5555-4444 ' +
      'was charged; passport no. 123456789. Booking OTV-2026-001234.';
    expect(redactPersonalData(body, ['John Smith'])).toBe(
      `Dear team, I am ${REDACTED.name} (${REDACTED.email}, ${REDACTED.phone}). My card ${REDACTED.card_number} ` +
        `was charged; passport no. ${REDACTED.passport_number}. Booking OTV-2026-001234.`,
    );
  });

  it("finds the customer's name without tone marks and in any case, as whole words only", () => {
    expect(
      redactPersonalData('Kính gửi NGUYEN VAN DAT và nguyễn văn đạt; Nguyễn Văn Đạtx', ['Nguyễn Văn Đạt']),
    ).toBe(`Kính gửi ${REDACTED.name} và ${REDACTED.name}; Nguyễn Văn Đạtx`);
  });

  it('keeps every place in text holding a letter that lower-cases to two (İ), and still finds the name', () => {
    expect(redactPersonalData('İstanbul: NGUYỄN VĂN ĐẠT gọi lại', ['Nguyễn Văn Đạt'])).toBe(
      `İstanbul: ${REDACTED.name} gọi lại`,
    );
  });

  it('leaves names too short to tell from ordinary words, but still removes their addresses', () => {
    expect(redactPersonalData('Anh A gửi từ a@b.vn', ['A'])).toBe(`Anh A gửi từ ${REDACTED.email}`);
  });

  it('keeps sanitised HTML well formed: markers hold no markup characters', () => {
    const html = '<p>Liên hệ <a href="mailto:lan@example.vn">lan@example.vn</a> hoặc 0903 123 456</p>';
    expect(redactPersonalData(html)).toBe(
      `<p>Liên hệ <a href="mailto:${REDACTED.email}">${REDACTED.email}</a> hoặc ${REDACTED.phone}</p>`,
    );
    for (const marker of Object.values(REDACTED)) expect(marker).not.toMatch(/[<>&"]/);
  });

  it('changes nothing in text without personal data', () => {
    const text = 'Tour Đà Lạt 3 ngày 2 đêm, khởi hành 12/03/2026, giá 4.990.000 đồng.';
    expect(redactPersonalData(text, ['Trần Minh Khoa'])).toBe(text);
  });
});
