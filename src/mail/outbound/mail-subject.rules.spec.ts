import {
  replySubject,
  stripReplyPrefixes,
  ticketNumberFromSubject,
  withTicketToken,
} from './mail-subject.rules.js';

describe('ticketNumberFromSubject', () => {
  it('reads our token wherever it stands', () => {
    expect(ticketNumberFromSubject('[OT#100231] Khiếu nại hoàn tiền')).toBe(100231);
    expect(ticketNumberFromSubject('TL: Trả lời: [OT#100231] Khiếu nại hoàn tiền')).toBe(100231);
    expect(ticketNumberFromSubject('Refund for Ha Long cruise [OT#100231]')).toBe(100231);
    expect(ticketNumberFromSubject('AW: WG: [OT#5] x')).toBe(5);
  });

  it('tolerates lower case and spaces inside the brackets', () => {
    expect(ticketNumberFromSubject('re: [ot#100231] refund')).toBe(100231);
    expect(ticketNumberFromSubject('Re: [OT #100231] refund')).toBe(100231);
    expect(ticketNumberFromSubject('Re: [ OT # 100231 ] refund')).toBe(100231);
  });

  it('reads a bare OT#n when the brackets were lost', () => {
    expect(ticketNumberFromSubject('Re: OT#100231 Refund')).toBe(100231);
    expect(ticketNumberFromSubject('Re: ot #100231 Refund')).toBe(100231);
  });

  it('prefers the first bracketed token when there are several', () => {
    expect(ticketNumberFromSubject('Re: [OT#100231] Fwd: [OT#100100] Hủy tour')).toBe(100231);
  });

  it('prefers a bracketed token over a bare one the customer typed before it', () => {
    expect(ticketNumberFromSubject('Về mã OT#100100 cũ [OT#100231]')).toBe(100231);
  });

  it('does not read OT inside another word, or a number that is too long', () => {
    expect(ticketNumberFromSubject('SPOT#12 booking')).toBeNull();
    expect(ticketNumberFromSubject('[OT#1234567890] x')).toBeNull();
    expect(ticketNumberFromSubject('OT#1234567890 x')).toBeNull();
  });

  it('gives null without a token', () => {
    expect(ticketNumberFromSubject('Khiếu nại hoàn tiền tour Sapa')).toBeNull();
    expect(ticketNumberFromSubject('[OT#] missing number')).toBeNull();
    expect(ticketNumberFromSubject('#100231')).toBeNull();
    expect(ticketNumberFromSubject('')).toBeNull();
  });
});

describe('stripReplyPrefixes', () => {
  it.each([
    ['Re: hello', 'hello'],
    ['RE: RE: Fwd: [OT#100231] Refund', '[OT#100231] Refund'],
    ['TL: Trả lời: [OT#100231] Khiếu nại hoàn tiền', '[OT#100231] Khiếu nại hoàn tiền'],
    ['Tra loi: tra loi: Hoan tien', 'Hoan tien'],
    ['CT: Chuyển tiếp: Chuyen tiep: Vé máy bay', 'Vé máy bay'],
    ['TRẢ LỜI: Hủy tour', 'Hủy tour'],
    ['AW: WG: [OT#5] x', '[OT#5] x'],
    ['Antw: Doorst: Terugbetaling', 'Terugbetaling'],
    ['SV: VS: VB: VL: Återbetalning', 'Återbetalning'],
    ['Odp: PD: Zwrot', 'Zwrot'],
    ['RES: ENC: RV: Reembolso', 'Reembolso'],
    ['R: I: Rif: Rimborso', 'Rimborso'],
    ['TR: RE : Remboursement', 'Remboursement'],
    ['YNT: İade', 'İade'],
    ['回复: [OT#100231] 退款', '[OT#100231] 退款'],
    ['回复：转发：退款', '退款'],
    ['答复: 轉寄: 返信: 転送: 返金', '返金'],
    ['답장: 전달: 회신: 환불', '환불'],
    ['Ответ: Re: Возврат денег', 'Возврат денег'],
    ['Отв: Пересл: Возврат', 'Возврат'],
    ['ΑΠ: ΣΧΕΤ: Επιστροφή', 'Επιστροφή'],
  ])('strips %j', (subject, expected) => {
    expect(stripReplyPrefixes(subject)).toBe(expected);
  });

  it('strips reply counters', () => {
    expect(stripReplyPrefixes('Re[2]: hello')).toBe('hello');
    expect(stripReplyPrefixes('Re(3): hello')).toBe('hello');
    expect(stripReplyPrefixes('Re^2: hello')).toBe('hello');
    expect(stripReplyPrefixes('RE [12] : Fw(2): hello')).toBe('hello');
  });

  it('strips prefixes written without spaces or with extra ones', () => {
    expect(stripReplyPrefixes('Re:Re:Fwd:hello')).toBe('hello');
    expect(stripReplyPrefixes('  re :   fwd:  hello  ')).toBe('hello');
  });

  it('strips decomposed (NFD) Vietnamese prefixes and returns NFC', () => {
    const subject = 'Trả lời: Chuyển tiếp: Hoàn tiền'.normalize('NFD');
    expect(stripReplyPrefixes(subject)).toBe('Hoàn tiền'.normalize('NFC'));
  });

  it('keeps a prefix-like word that is not followed by a colon', () => {
    expect(stripReplyPrefixes('Refund request')).toBe('Refund request');
    expect(stripReplyPrefixes('Re-booking my tour')).toBe('Re-booking my tour');
    expect(stripReplyPrefixes('Trả lời chậm quá')).toBe('Trả lời chậm quá');
    expect(stripReplyPrefixes('TL;DR: refund')).toBe('TL;DR: refund');
  });

  it('keeps the customer’s own "Phản hồi:" (feedback)', () => {
    expect(stripReplyPrefixes('Phản hồi: dịch vụ xe đưa đón')).toBe('Phản hồi: dịch vụ xe đưa đón');
  });

  it('strips only leading prefixes and keeps the ticket token', () => {
    expect(stripReplyPrefixes('[OT#100231] Re: Refund')).toBe('[OT#100231] Re: Refund');
    expect(stripReplyPrefixes('Hủy tour, Re: đặt lại')).toBe('Hủy tour, Re: đặt lại');
  });

  it('gives an empty string for a subject that is only prefixes', () => {
    expect(stripReplyPrefixes('Re: Fwd: ')).toBe('');
    expect(stripReplyPrefixes('')).toBe('');
  });
});

describe('withTicketToken', () => {
  it('puts the token in front of a new subject', () => {
    expect(withTicketToken('Khiếu nại hoàn tiền', 100231)).toBe('[OT#100231] Khiếu nại hoàn tiền');
  });

  it('drops prefixes and the old token so the token is never doubled', () => {
    expect(withTicketToken('RE: RE: Fwd: [OT#100231] Refund', 100231)).toBe('[OT#100231] Refund');
    expect(withTicketToken('TL: Trả lời: [OT#100231] Khiếu nại hoàn tiền', 100231)).toBe(
      '[OT#100231] Khiếu nại hoàn tiền',
    );
    expect(withTicketToken('Refund [ot #100231]', 100231)).toBe('[OT#100231] Refund');
  });

  it('drops prefixes that stood behind an old token', () => {
    expect(withTicketToken('Re: [OT#100100] Fwd: Hủy tour', 100231)).toBe('[OT#100231] Hủy tour');
  });

  it('keeps a bare OT#n, which is the customer’s words', () => {
    expect(withTicketToken('Về mã OT#100100 cũ', 100231)).toBe('[OT#100231] Về mã OT#100100 cũ');
  });

  it('collapses white space from a folded subject', () => {
    expect(withTicketToken('Hoàn tiền\r\n\t tour  Sapa', 7)).toBe('[OT#7] Hoàn tiền tour Sapa');
  });

  it('gives the bare token for an empty subject', () => {
    expect(withTicketToken('', 5)).toBe('[OT#5]');
    expect(withTicketToken('Re: [OT#5]', 5)).toBe('[OT#5]');
  });

  it('refuses something that is not a ticket number', () => {
    expect(() => withTicketToken('x', 0)).toThrow(RangeError);
    expect(() => withTicketToken('x', -3)).toThrow(RangeError);
    expect(() => withTicketToken('x', 1.5)).toThrow(RangeError);
  });
});

describe('replySubject', () => {
  it('answers with one Re: before the token', () => {
    expect(replySubject('RE: RE: Fwd: [OT#100231] Refund', 100231)).toBe('Re: [OT#100231] Refund');
    expect(replySubject('回复: [OT#100231] 退款', 100231)).toBe('Re: [OT#100231] 退款');
    expect(replySubject('Ответ: Re: Возврат денег', 42)).toBe('Re: [OT#42] Возврат денег');
    expect(replySubject('Khiếu nại hoàn tiền', 100231)).toBe('Re: [OT#100231] Khiếu nại hoàn tiền');
  });

  it('is stable when applied to its own output', () => {
    const once = replySubject('TL: [OT#100231] Hủy tour Hạ Long', 100231);
    expect(replySubject(once, 100231)).toBe(once);
  });
});
