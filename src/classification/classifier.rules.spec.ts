import {
  CATEGORY_KEYS,
  classify,
  compileBookingReferencePattern,
  DEFAULT_BOOKING_REFERENCE_PATTERN,
  DEFAULT_KEYWORD_LISTS,
  extractBookingReference,
  type KeywordList,
  validateKeyword,
} from './classifier.rules.js';
import { HOLDOUT_SAMPLES } from './classifier.holdout.js';
import { LABELLED_SAMPLES, type LabelledSample } from './classifier.samples.js';

function categoryOf(subject: string, body = ''): string {
  return classify({ subject, body }, DEFAULT_KEYWORD_LISTS).categoryKey;
}

describe('classify', () => {
  it('matches keywords whatever the diacritics and case', () => {
    expect(categoryOf('', 'toi bi tru tien hai lan cho tour Da Lat')).toBe('payment');
    expect(categoryOf('', 'TÔI BỊ TRỪ TIỀN HAI LẦN')).toBe('payment');
    expect(categoryOf('', 'Tôi bị trư tiên hai lân')).toBe('payment');
  });

  it('treats đ and d alike, in keywords and in text', () => {
    const lists = [{ categoryKey: 'payment', keywords: ['dat coc'] }];
    expect(classify({ subject: 'Đặt cọc', body: '' }, lists).categoryKey).toBe('payment');
    expect(categoryOf('dat coc chua duoc xac nhan')).toBe('payment');
  });

  it('matches decomposed (NFD) text as well as composed', () => {
    const subject = 'Tôi muốn hủy tour Sa Pa';
    expect(subject.normalize('NFD')).not.toBe(subject.normalize('NFC'));
    expect(categoryOf(subject.normalize('NFD'))).toBe('cancellation');
    expect(categoryOf(subject.normalize('NFC'))).toBe('cancellation');
  });

  it('accepts both spellings hủy and huỷ, and no tone marks at all', () => {
    expect(categoryOf('Hủy tour Hạ Long')).toBe('cancellation');
    expect(categoryOf('Huỷ tour Hạ Long')).toBe('cancellation');
    expect(categoryOf('toi muon huy tour ha long')).toBe('cancellation');
  });

  it('keeps a customer called Huy in general', () => {
    expect(categoryOf('Hỏi tour', 'Em là Huy, cho em hỏi tour Đà Lạt còn chỗ không?')).toBe('general');
    expect(categoryOf('Hỏi tour', 'Tên tôi là Huy. Tour Đà Lạt tháng 6 còn chỗ không?')).toBe('general');
    expect(categoryOf('chuy tour', 'anh Huy')).toBe('general');
  });

  it('takes a capitalised, unmarked Huy in mid-sentence for a name, not for hủy', () => {
    expect(categoryOf('Cảm ơn', 'Cho em gửi lời cảm ơn anh Huy tour guide đoàn Hạ Long.')).toBe('general');
    expect(categoryOf('Thanks', 'Our guide Huy tour leader was great.')).toBe('general');
    expect(categoryOf('Gấp', 'Cho em hủy tour Hạ Long nhé')).toBe('cancellation');
    expect(categoryOf('Gấp', 'cho em huy tour ha long nhe')).toBe('cancellation');
    expect(categoryOf('Gấp', 'Cho em HUY TOUR Ha Long nhe')).toBe('cancellation');
    expect(categoryOf('Huy tour Hạ Long giúp em')).toBe('cancellation');
  });

  it('leaves common complaints that share words with a category in general', () => {
    expect(categoryOf('Lịch trình', 'Lịch trình bị thay đổi mà không báo trước.')).toBe('general');
    expect(categoryOf('Lịch trình', 'Công ty tự ý thay đổi lịch trình.')).toBe('general');
    expect(categoryOf('Guide', 'Our guide declined to help my father with his bag.')).toBe('general');
    expect(categoryOf('Chưa ai trả lời', 'Mong ai đó liên hệ lại cho tôi sớm.')).toBe('general');
  });

  it('keeps questions about prices, VAT invoices and payment codes out of the fraud lane', () => {
    expect(categoryOf('Giá tour', 'Cho tôi hỏi về giá tour Sa Pa tháng 7')).toBe('general');
    expect(categoryOf('Quên đồ', 'Ai đó đã để quên áo trên xe, nhờ tài xế kiểm tra.')).toBe('general');
    expect(categoryOf('Cave', 'We did not make it to the cave before it closed.')).toBe('general');
    expect(categoryOf('Hóa đơn', 'Xin xuất hóa đơn giá trị gia tăng cho công ty')).toBe('payment');
    expect(categoryOf('OTP', 'Không nhận được mã OTP khi thanh toán')).toBe('payment');
  });

  it('tells words apart by their tone marks where the customer wrote them', () => {
    const lists: KeywordList[] = [
      { categoryKey: 'fraud_or_tampering', keywords: ['vé giả'] },
      { categoryKey: 'cancellation', keywords: ['dời lịch'] },
    ];
    const categoryIn = (body: string) => classify({ subject: '', body }, lists).categoryKey;
    expect(categoryIn('Cho tôi hỏi về giá tour')).toBe('general');
    expect(categoryIn('Tôi mua phải vé giả')).toBe('fraud_or_tampering');
    expect(categoryIn('toi mua phai ve gia')).toBe('fraud_or_tampering');
    expect(categoryIn('Công ty thay đổi lịch trình')).toBe('general');
    expect(categoryIn('Cho em dời lịch sang tuần sau')).toBe('cancellation');
    expect(categoryIn('cho em doi lich sang tuan sau')).toBe('cancellation');
  });

  it('accepts missing marks and hỏi written as ngã', () => {
    expect(categoryOf('', 'Tôi muốn hũy tour Đà Lạt')).toBe('cancellation');
    expect(categoryOf('', 'Xin dời ngày đi tour Hạ Long')).toBe('cancellation');
  });

  it('matches whole words, with simple English endings', () => {
    expect(categoryOf('Still waiting to be refunded')).toBe('payment');
    expect(categoryOf('Is the hotel deposit refundable?')).toBe('payment');
    expect(categoryOf('Rescheduling our trip')).toBe('cancellation');
    expect(categoryOf('Are refundable tickets available?')).toBe('general');
  });

  it('puts newsletter unsubscribes before cancellations, though both say hủy', () => {
    expect(classify({ subject: '', body: 'Tôi muốn hủy đăng ký bản tin' }, DEFAULT_KEYWORD_LISTS)).toEqual({
      categoryKey: 'newsletter',
      matched: ['hủy đăng ký bản tin'],
    });
    expect(categoryOf('Huỷ đăng ký', 'Xin đừng gửi thêm nữa')).toBe('newsletter');
    expect(categoryOf('Tôi muốn hủy đăng ký tour Sa Pa ngày 20/6')).toBe('cancellation');
  });

  it('weighs the subject above the body', () => {
    expect(categoryOf('Hoàn tiền', 'Tôi đã hủy tour')).toBe('payment');
    expect(categoryOf('Hủy tour', 'Khi nào tôi được hoàn tiền?')).toBe('cancellation');
  });

  it('lets a fraud phrase of two or more words outweigh any amount of payment wording', () => {
    expect(
      categoryOf(
        'Chuyển khoản cho ai?',
        'Nhân viên nhắn tôi chuyển khoản tiền cọc và phần còn lại vào tài khoản cá nhân của chị ấy, hoá đơn ' +
          'thanh toán cũng do chị ấy gửi.',
      ),
    ).toBe('fraud_or_tampering');
    expect(
      categoryOf(
        'Charge on my credit card',
        'A payment for a booking I never made. Refund the deposit please.',
      ),
    ).toBe('fraud_or_tampering');
  });

  it('counts one-word fraud keywords half again, without letting them win outright', () => {
    const lists: KeywordList[] = [
      { categoryKey: 'fraud_or_tampering', keywords: ['scam'] },
      { categoryKey: 'payment', keywords: ['refund', 'charged twice'] },
    ];
    expect(classify({ subject: '', body: 'A scam? Refund me.' }, lists).categoryKey).toBe(
      'fraud_or_tampering',
    );
    expect(classify({ subject: '', body: 'Charged twice, what a scam.' }, lists).categoryKey).toBe('payment');
  });

  it('gives a tie to the earlier list', () => {
    const lists: KeywordList[] = [
      { categoryKey: 'payment', keywords: ['refund'] },
      { categoryKey: 'cancellation', keywords: ['cancel'] },
    ];
    expect(classify({ subject: 'cancel and refund', body: '' }, lists).categoryKey).toBe('payment');
    expect(classify({ subject: 'cancel and refund', body: '' }, lists.toReversed()).categoryKey).toBe(
      'cancellation',
    );
  });

  it('uses edited lists at once, though it compiles each keyword only once', () => {
    const input = { subject: '', body: 'Khi nào tôi được hoàn tiền?' };
    expect(classify(input, [{ categoryKey: 'payment', keywords: ['hoàn tiền'] }]).categoryKey).toBe(
      'payment',
    );
    expect(classify(input, [{ categoryKey: 'cancellation', keywords: ['hoàn tiền'] }]).categoryKey).toBe(
      'cancellation',
    );
    expect(classify(input, [{ categoryKey: 'payment', keywords: ['hoàn phí'] }]).categoryKey).toBe('general');
  });

  it('reports the matched keywords as written in the list, once each', () => {
    const lists: KeywordList[] = [{ categoryKey: 'payment', keywords: ['Hoàn Tiền', 'refund', 'invoice'] }];
    expect(classify({ subject: 'Refund', body: 'refund please, hoan tien gap, REFUND' }, lists)).toEqual({
      categoryKey: 'payment',
      matched: ['refund', 'Hoàn Tiền'],
    });
  });

  it('ignores history the mail client quoted', () => {
    const body =
      'Cảm ơn chị, em đã nhận lịch trình.\n> Nếu quý khách muốn hủy tour vui lòng báo trước.\n  > hoàn tiền';
    expect(classify({ subject: 'Re: Lịch trình', body }, DEFAULT_KEYWORD_LISTS)).toEqual({
      categoryKey: 'general',
      matched: [],
    });
  });

  it('falls back to general when nothing matches, or with no lists', () => {
    expect(classify({ subject: 'Hello', body: 'Is breakfast included?' }, DEFAULT_KEYWORD_LISTS)).toEqual({
      categoryKey: 'general',
      matched: [],
    });
    expect(classify({ subject: 'Refund', body: '' }, [])).toEqual({ categoryKey: 'general', matched: [] });
  });

  it('lists keywords for every category but general, in precedence order', () => {
    expect(DEFAULT_KEYWORD_LISTS.map((list) => list.categoryKey)).toEqual([
      'fraud_or_tampering',
      'payment',
      'privacy_request',
      'cancellation',
      'newsletter',
    ]);
    for (const list of DEFAULT_KEYWORD_LISTS) {
      expect(CATEGORY_KEYS).toContain(list.categoryKey);
      expect(list.keywords.filter((keyword) => validateKeyword(keyword) !== null)).toEqual([]);
    }
  });
});

/** Accuracy of the default lists on a labelled set, overall and per category, with what went wrong. */
function measure(samples: LabelledSample[]) {
  const misclassified: string[] = [];
  const perCategory: Record<string, { total: number; correct: number }> = {};
  for (const sample of samples) {
    const { categoryKey, matched } = classify(sample, DEFAULT_KEYWORD_LISTS);
    const tally = (perCategory[sample.expected] ??= { total: 0, correct: 0 });
    tally.total += 1;
    if (categoryKey === sample.expected) tally.correct += 1;
    else misclassified.push(`${sample.expected} → ${categoryKey} [${matched.join(', ')}]: ${sample.subject}`);
  }
  const accuracy = Number((1 - misclassified.length / samples.length).toFixed(3));
  const perCategoryAccuracy = Object.fromEntries(
    Object.entries(perCategory).map(([key, { total, correct }]) => [
      key,
      Number((correct / total).toFixed(3)),
    ]),
  );
  console.log(JSON.stringify({ samples: samples.length, accuracy, perCategoryAccuracy }));
  return { accuracy, perCategoryAccuracy, misclassified };
}

/** Null when the set meets both floors; else what fell short and the messages it got wrong. */
function shortfalls(samples: LabelledSample[], floors: { overall: number; perCategory: number }) {
  const { accuracy, perCategoryAccuracy, misclassified } = measure(samples);
  const short = [
    ...(accuracy < floors.overall ? [`overall accuracy ${accuracy} is below ${floors.overall}`] : []),
    ...Object.entries(perCategoryAccuracy)
      .filter(([, value]) => value < floors.perCategory)
      .map(([key, value]) => `${key} accuracy ${value} is below ${floors.perCategory}`),
  ];
  return short.length === 0 ? null : [...short, 'misclassified:', ...misclassified].join('\n');
}

describe('classify on the labelled samples', () => {
  it('classifies at least 90% correctly overall and 75% in every category', () => {
    expect(shortfalls(LABELLED_SAMPLES, { overall: 0.9, perCategory: 0.75 })).toBeNull();
  });

  // Measured once, blind, before any change: 0.967 overall (116 of 120), fraud 0.9, newsletter and privacy
  // 0.95, the rest 1. The floors sit below that so a keyword change that hurts new mail shows here.
  it('classifies a blind held-out set, never tuned on, at least 90% overall and 80% per category', () => {
    expect(HOLDOUT_SAMPLES).toHaveLength(120);
    expect(shortfalls(HOLDOUT_SAMPLES, { overall: 0.9, perCategory: 0.8 })).toBeNull();
  });

  it('has at least 12 samples per category', () => {
    for (const key of CATEGORY_KEYS) {
      expect(LABELLED_SAMPLES.filter((sample) => sample.expected === key).length).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('validateKeyword', () => {
  it('accepts ordinary keywords', () => {
    expect(validateKeyword('hoàn tiền')).toBeNull();
    expect(validateKeyword('OK')).toBeNull();
  });

  it('gives the reason a keyword is unusable', () => {
    expect(validateKeyword('   ')).toBe('the keyword is empty');
    expect(validateKeyword('\u0301\u0300')).toBe('the keyword is empty');
    expect(validateKeyword('a'.repeat(101))).toBe('the keyword is longer than 100 characters');
    expect(validateKeyword('đ')).toBe('the keyword needs at least 2 letters');
    expect(validateKeyword('1 2 3')).toBe('the keyword needs at least 2 letters');
  });

  it('counts length in composed characters', () => {
    expect(validateKeyword('ế'.repeat(100).normalize('NFD'))).toBeNull();
  });
});

describe('booking references', () => {
  const pattern = compileBookingReferencePattern(DEFAULT_BOOKING_REFERENCE_PATTERN);

  it('finds the first reference, upper-cased, with or without hyphens', () => {
    expect(extractBookingReference('Mã đặt tour: otv-2026-001234 ạ', pattern)).toBe('OTV-2026-001234');
    expect(extractBookingReference('booking OTV2026001234 and OTV-2026-009999', pattern)).toBe(
      'OTV2026001234',
    );
    expect(extractBookingReference('no reference here, OTV-26-1', pattern)).toBeNull();
    expect(extractBookingReference('XOTV-2026-001234', pattern)).toBeNull();
  });

  it('cuts a reference to 40 characters', () => {
    const long = compileBookingReferencePattern('REF-[a-z]+');
    expect(extractBookingReference(`REF-${'a'.repeat(60)}`, long)).toBe(`REF-${'A'.repeat(36)}`);
  });

  it('refuses a pattern that is not a regular expression', () => {
    expect(() => compileBookingReferencePattern('OTV-(\\d{4}')).toThrow(/not a valid regular expression/);
    expect(() => compileBookingReferencePattern('OTV\\-\\d+')).toThrow(/not a valid regular expression/);
  });

  it('refuses a pattern that can match the empty string', () => {
    for (const source of ['', '(OTV-\\d+)?', 'x|', '\\b', '(?=OTV)']) {
      expect(() => compileBookingReferencePattern(source)).toThrow(/can match the empty string/);
    }
  });
});
