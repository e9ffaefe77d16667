import { guessLanguage } from './language.rules.js';

describe('guessLanguage', () => {
  it('recognises a Vietnamese complaint', () => {
    expect(
      guessLanguage(
        'Khiếu nại hoàn tiền\nKính gửi Offtrack, tour Sa Pa ngày 12/3 xe đón trễ hơn 3 tiếng, hướng dẫn viên không ' +
          'xin lỗi. Tôi đề nghị hoàn lại 50% tiền tour.',
      ),
    ).toBe('vi');
  });

  it('recognises an English complaint', () => {
    expect(
      guessLanguage(
        'Refund request [OT#100231]\nDear team, our pick-up was three hours late and the guide never apologised. ' +
          'I would like a partial refund.',
      ),
    ).toBe('en');
  });

  it('keeps an English text English when it names Vietnamese people and places', () => {
    expect(guessLanguage('I booked the Hội An tour with Nguyễn Văn Đạt and it was cancelled')).toBe('en');
    expect(guessLanguage('Our driver in Đà Lạt was rude to my mother.')).toBe('en');
  });

  it('keeps a Vietnamese text Vietnamese when it uses English travel words', () => {
    expect(guessLanguage('Tôi đã booking tour Hạ Long nhưng chưa được refund')).toBe('vi');
    expect(guessLanguage('Check-in hotel ở Phú Quốc bị delay 2 tiếng')).toBe('vi');
  });

  it('recognises Vietnamese typed without marks', () => {
    expect(guessLanguage('toi muon huy tour')).toBe('vi');
    expect(guessLanguage('cam on anh, xin hoan tien som nhe')).toBe('vi');
    expect(guessLanguage('Xin chao, toi chua nhan duoc tien hoan cua tour Ha Long')).toBe('vi');
  });

  it('recognises decomposed (NFD) Vietnamese, as windows-1258 mail decodes', () => {
    const nfd = 'Tôi muốn hủy tour Đà Nẵng'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(guessLanguage(nfd)).toBe('vi');
  });

  it('recognises upper-case Vietnamese', () => {
    expect(guessLanguage('KHIẾU NẠI KHẨN CẤP VỀ TOUR')).toBe('vi');
  });

  it('goes with the language most words are in when the text mixes them', () => {
    expect(
      guessLanguage('Xin chào, I booked the Ha Long cruise but the boat was cancelled and nobody told me'),
    ).toBe('en');
    expect(guessLanguage('Hi, tôi muốn đổi ngày khởi hành sang thứ Sáu được không ạ?')).toBe('vi');
  });

  it('gives Vietnamese on a tie between the two languages', () => {
    expect(
      guessLanguage('Kính gửi Offtrack, tôi muốn hoàn tiền. Dear Offtrack, I would like a refund.'),
    ).toBe('vi');
  });

  it('ignores the words inside addresses and links', () => {
    expect(guessLanguage('toi.khong@gmail.com https://hoan-tien.example.vn/toi/muon')).toBeNull();
    expect(guessLanguage('Please refund me, write to toi.khong@gmail.com')).toBe('en');
  });

  it('gives null for too little text', () => {
    expect(guessLanguage('')).toBeNull();
    expect(guessLanguage('   \n ')).toBeNull();
    expect(guessLanguage('ok')).toBeNull();
    expect(guessLanguage('Hủy tour')).toBeNull();
    expect(guessLanguage('Refund please')).toBeNull();
    expect(guessLanguage('[OT#100231] 12/3 !!!')).toBeNull();
  });

  it('gives null when neither language shows', () => {
    expect(guessLanguage('Возврат денег за тур пожалуйста')).toBeNull();
    expect(guessLanguage('Je veux un remboursement pour le voyage')).toBeNull();
    expect(guessLanguage('Sapa Halong Hanoi')).toBeNull();
  });

  it('counts three short words as enough', () => {
    expect(guessLanguage('Hủy tour gấp')).toBe('vi');
    expect(guessLanguage('Please refund me')).toBe('en');
  });
});
