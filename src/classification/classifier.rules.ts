import { foldForSearch, normalizeText } from '../common/text/search-text.js';

export const CATEGORY_KEYS = [
  'fraud_or_tampering',
  'payment',
  'cancellation',
  'newsletter',
  'privacy_request',
  'general',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export interface KeywordList {
  categoryKey: string;
  keywords: string[];
}

/**
 * The lists a fresh install starts with, in precedence order; `general` has none because it is the fallback.
 * Matching folds diacritics, so 'hủy' and 'huỷ' (old and new tone placement) are one keyword, and so are
 * 'hóa đơn' and 'hoá đơn'. Bare 'hủy' folds to 'huy', the given name Huy, so only phrases with it are listed.
 */
export const DEFAULT_KEYWORD_LISTS: KeywordList[] = [
  {
    categoryKey: 'fraud_or_tampering',
    keywords: [
      'lừa đảo',
      'giả mạo',
      'mạo danh',
      'giả danh',
      'gian lận',
      'tự xưng là',
      'đáng ngờ',
      'khả nghi',
      'bị thay đổi nội dung',
      'nội dung bị thay đổi',
      'thông tin bị thay đổi',
      'không hề yêu cầu',
      'không hề sửa',
      'trái phép',
      'tôi không đặt',
      'ai đó đã',
      'chặn liên lạc',
      'bị chỉnh sửa',
      'bị sửa',
      'sửa hợp đồng',
      'bị làm giả',
      'giấy tờ giả',
      'hóa đơn giả',
      'hợp đồng giả',
      'vé giả',
      'trang web giả',
      'website giả',
      'fanpage giả',
      'tạm ngưng giao dịch',
      'giao dịch bị tạm ngưng',
      'bị tạm ngưng',
      'tạm khóa',
      'khóa thẻ',
      'giao dịch lạ',
      'nghi ngờ gian lận',
      'không thực hiện giao dịch',
      'dùng thẻ của tôi',
      'không hề đặt',
      'không phải tôi đặt',
      'có người đăng nhập',
      'đăng nhập tài khoản của tôi',
      'bị hack',
      'bị xâm nhập',
      'bị đánh cắp',
      'bị chiếm',
      'email lạ',
      'link lạ',
      'link thanh toán lạ',
      'mang tên cá nhân',
      'tài khoản cá nhân',
      'mã otp',
      'fraud',
      'fraudulent',
      'scam',
      'scammed',
      'scammer',
      'phishing',
      'forged',
      'forgery',
      'fake',
      'counterfeit',
      'tampered',
      'tampering',
      'altered',
      'edited',
      'doctored',
      'impersonating',
      'impersonation',
      'pretending to be',
      'claiming to be from',
      'saying he was from',
      'saying she was from',
      'chargeback',
      'unauthorised',
      'unauthorized',
      'did not authorise',
      'did not authorize',
      'never authorised',
      'never authorized',
      'not authorised',
      'not authorized',
      'never booked',
      'never made',
      'did not make',
      'not my booking',
      'used my card',
      'stolen card',
      'unrecognised charge',
      'unrecognized charge',
      'hacked',
      'logged into my account',
      'identity theft',
      'it was not me',
      'someone has changed',
      'someone has modified',
      'someone changed',
      'someone modified',
      'was not me',
      'without my knowledge',
      'suspicious',
      'otp',
      'one-time password',
      'verification code',
      'personal account',
      'transaction suspended',
      'suspended for verification',
    ],
  },
  {
    categoryKey: 'payment',
    keywords: [
      'thanh toán',
      'trừ tiền hai lần',
      'trừ tiền 2 lần',
      'trừ tiền',
      'bị trừ',
      'tính phí hai lần',
      'tính tiền hai lần',
      'bị tính phí',
      'tính tiền',
      'hoàn tiền',
      'hoàn lại tiền',
      'hoàn lại',
      'tiền hoàn',
      'hoàn trả',
      'trả lại tiền',
      'chưa nhận được tiền',
      'trả tiền',
      'trả bằng',
      'chuyển khoản',
      'chuyển tiền',
      'đặt cọc',
      'tiền cọc',
      'hoàn cọc',
      'lấy lại tiền',
      'phần còn lại',
      'tiền chênh lệch',
      'chênh lệch',
      'hóa đơn',
      'hóa đơn đỏ',
      'xuất hóa đơn',
      'biên lai',
      'phụ phí',
      'phụ thu',
      'thu thêm',
      'giữ tiền',
      'nhả tiền',
      'thẻ tín dụng',
      'quẹt thẻ',
      'thẻ bị từ chối',
      'sai số tiền',
      'ví momo',
      'momo',
      'zalopay',
      'vnpay',
      'trả góp',
      'payment',
      'pay by',
      'pay with',
      'refund',
      'money back',
      'my money',
      'the money',
      'difference back',
      'price difference',
      'charged twice',
      'double charged',
      'charged',
      'overcharged',
      'billed',
      'duplicate payment',
      'wrong amount',
      'card declined',
      'card was declined',
      'getting declined',
      'payment declined',
      'extra charge',
      'additional charge',
      'charge on my',
      'balance due',
      'final balance',
      'by card',
      'checkout',
      'invoice',
      'receipt',
      'deposit',
      'bank transfer',
      'transfer fee',
      'credit card',
      'pay the balance',
      'pay the difference',
      'instalment',
      'installment',
    ],
  },
  {
    categoryKey: 'privacy_request',
    keywords: [
      'dữ liệu cá nhân',
      'thông tin cá nhân',
      'dữ liệu',
      'xóa thông tin',
      'xóa dữ liệu',
      'xóa tài khoản',
      'xóa hồ sơ',
      'xóa bản chụp',
      'yêu cầu xóa',
      'đề nghị xóa',
      'xin xóa',
      'lưu những thông tin',
      'lưu thông tin',
      'lưu về tôi',
      'sửa thông tin',
      'cập nhật lại thông tin',
      'bản sao',
      'bên thứ ba',
      'lấy số điện thoại của tôi',
      'lấy thông tin của tôi',
      'lộ thông tin',
      'rò rỉ',
      'nghị định 13',
      'bảo vệ dữ liệu',
      'quyền riêng tư',
      'rút lại sự đồng ý',
      'rút lại đồng ý',
      'không xin phép',
      'đăng ảnh',
      'số hộ chiếu',
      'ảnh hộ chiếu',
      'bản chụp căn cước',
      'bản chụp hộ chiếu',
      'căn cước',
      'cccd',
      'personal data',
      'personal information',
      'personal details',
      'my data',
      'my information',
      'delete my data',
      'delete my personal',
      'delete my account',
      'account deleted',
      'close my account',
      'erase',
      'erasure',
      'right to be forgotten',
      'gdpr',
      'data protection',
      'privacy',
      'data access request',
      'data you keep',
      'data you hold',
      'copy of my data',
      'records about me',
      'your records',
      'your database',
      'third parties',
      'third party',
      'share my details',
      'share my phone number',
      'passport number',
      'passport scan',
      'photos of our passports',
      'leaked',
      'withdraw my consent',
      'withdraw consent',
      'do not consent',
      'without permission',
      'my photos',
      'passport copies',
      'how long do you keep',
    ],
  },
  {
    categoryKey: 'cancellation',
    keywords: [
      'hủy tour',
      'hủy đặt',
      'hủy booking',
      'hủy chuyến',
      'hủy đặt phòng',
      'hủy đăng ký tour',
      'hủy suất',
      'hủy vé',
      'muốn hủy',
      'xin hủy',
      'cần hủy',
      'hủy giúp',
      'thủ tục hủy',
      'bị hủy',
      'phí hủy',
      'chính sách hủy',
      'không đi nữa',
      'không đi được',
      'không tham gia được',
      'không thể tham gia',
      // 'dời' (move) folds like 'đổi' (change), so these cover both. Bare 'đổi lịch' is in "thay đổi lịch trình".
      'đổi ngày',
      'đổi lịch tour',
      'đổi lịch đi',
      'đổi lịch khởi hành',
      'đổi tour',
      'dời sang',
      'lùi chuyến',
      'lùi ngày',
      'lùi lịch',
      'hoãn tour',
      'hoãn chuyến',
      'xin hoãn',
      'chuyển ngày',
      'chuyển sang tour khác',
      'đổi sang tour khác',
      'cancel',
      'cancelled',
      'cancelling',
      'cancellation',
      'cancellation fee',
      'cancellation policy',
      'call it off',
      'postpone',
      'reschedule',
      'rescheduling',
      'push back',
      'push our',
      'change the date',
      'change our dates',
      'travel dates',
      'new dates',
      'later date',
      'another date',
      'different date',
      'rebook',
      'cancel us',
      'switch my',
      'unable to travel',
      'unable to join',
      'move our trip',
      'move the tour',
      "can't make it",
      'cant make it',
      'not be able to make it',
      'no longer join',
      'not able to join',
      'withdraw from',
      'pull out',
    ],
  },
  {
    categoryKey: 'newsletter',
    keywords: [
      'hủy đăng ký bản tin',
      'hủy đăng ký nhận bản tin',
      'hủy đăng ký nhận tin',
      'hủy đăng ký',
      'hủy nhận bản tin',
      'hủy nhận tin',
      'bản tin',
      'nhận bản tin',
      'email quảng cáo',
      'mail quảng cáo',
      'email khuyến mãi',
      'email giới thiệu',
      'mail giới thiệu',
      'thư quảng cáo',
      'tin nhắn quảng cáo',
      'tin nhắn khuyến mãi',
      'sms quảng cáo',
      'sms khuyến mãi',
      'tin khuyến mãi',
      'chương trình khuyến mãi',
      'ngừng gửi',
      'đừng gửi',
      'ngừng nhận',
      'không muốn nhận',
      'gỡ email',
      'khỏi danh sách',
      'unsubscribe',
      'newsletter',
      'mailing list',
      'email list',
      'marketing',
      'promotions',
      'promotional',
      'promo',
      'deal emails',
      'offers',
      'stop sending',
      'stop emailing',
      'stop receiving',
      'take me off',
      'off the list',
      'remove me from',
      'remove my email',
      'opt out',
      'spam',
      'too many emails',
    ],
  },
];

/** Customers name their problem in the subject; the body wanders. */
const SUBJECT_WEIGHT = 2;

const MAX_KEYWORD_LENGTH = 100;

const FALLBACK_CATEGORY = 'general';

interface KeywordMatch {
  categoryKey: string;
  keyword: string;
  start: number;
  end: number;
  score: number;
}

/**
 * Picks the category whose keywords score highest, folding diacritics so unmarked and decomposed Vietnamese
 * match too. A keyword scores its length in words (doubled in the subject), once however often it appears,
 * and not at all inside a longer match: 'hủy đăng ký bản tin' (newsletter) hides 'hủy đăng ký'. Ties go to
 * the earlier list; nothing matched means general.
 */
export function classify(
  input: { subject: string; body: string },
  lists: KeywordList[],
): { categoryKey: string; matched: string[] } {
  const matches = [
    ...findMatches(input.subject, lists, SUBJECT_WEIGHT),
    ...findMatches(withoutQuotedLines(input.body), lists, 1),
  ];
  const byCategory = new Map<string, Map<string, number>>(lists.map((list) => [list.categoryKey, new Map()]));
  for (const match of matches) {
    const scores = byCategory.get(match.categoryKey)!;
    scores.set(match.keyword, Math.max(scores.get(match.keyword) ?? 0, match.score));
  }
  let best = { categoryKey: FALLBACK_CATEGORY, score: 0, matched: [] as string[] };
  for (const [categoryKey, scores] of byCategory) {
    const score = [...scores.values()].reduce((sum, value) => sum + value, 0);
    if (score > best.score) best = { categoryKey, score, matched: [...scores.keys()] };
  }
  return { categoryKey: best.categoryKey, matched: best.matched };
}

/** The text the customer wrote now, without the history their mail client quoted. */
function withoutQuotedLines(body: string): string {
  return body
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

function findMatches(text: string, lists: KeywordList[], weight: number): KeywordMatch[] {
  const folded = foldForSearch(text);
  // Folding keeps white space, so the words as written line up with the folded ones.
  const writtenWords = normalizeText(text).split(/\s+/).filter(Boolean);
  const matches: KeywordMatch[] = [];
  for (const { categoryKey, keywords } of lists) {
    for (const keyword of keywords) {
      const words = foldForSearch(keyword)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.length === 0) continue;
      for (const found of folded.matchAll(phrasePattern(words))) {
        const start = found.index;
        const firstWord = folded.slice(0, start).split(' ').length - 1;
        if (isWrittenAsName(keyword, found[0], writtenWords, firstWord)) continue;
        matches.push({
          categoryKey,
          keyword,
          start,
          end: start + found[0].length,
          score: words.length * weight,
        });
      }
    }
  }
  return withoutContainedMatches(matches);
}

/**
 * Whole words only, so 'huy tour' does not match 'chuy tour'. Words may be joined by spaces, hyphens,
 * slashes or apostrophes but not by sentence punctuation: "tên tôi là Huy. Tour…" is no 'huy tour'.
 * Simple English endings are allowed so 'refund' matches 'refunded' and 'cancel' matches 'cancels'.
 */
function phrasePattern(words: string[]): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join("[\\s'’/-]+")}(?:s|es|d|ed|ing)?(?![\\p{L}\\p{N}])`,
    'gu',
  );
}

/**
 * Folding turns the given name Huy into 'hủy'. Where the keyword has a mark, a word written capitalised and
 * unmarked in mid-sentence is taken for a name: "cảm ơn anh Huy tour guide" is no 'hủy tour'.
 */
function isWrittenAsName(
  keyword: string,
  matchedText: string,
  writtenWords: string[],
  firstWord: number,
): boolean {
  const keywordWords = normalizeText(keyword)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  if (matchedText.split(' ').length !== keywordWords.length) return false;
  return keywordWords.some((keywordWord, offset) => {
    const index = firstWord + offset;
    const written = (writtenWords[index] ?? '').replace(/[^\p{L}\p{M}]/gu, '');
    const startsSentence = index === 0 || /[.!?]$/.test(writtenWords[index - 1] ?? '');
    return hasMarks(keywordWord) && !hasMarks(written) && /^\p{Lu}\p{Ll}+$/u.test(written) && !startsSentence;
  });
}

function hasMarks(word: string): boolean {
  return foldForSearch(word) !== word.toLowerCase();
}

/** Drops matches lying within a longer one (ties keep the earlier list), so the most specific phrase counts. */
function withoutContainedMatches(matches: KeywordMatch[]): KeywordMatch[] {
  const kept: KeywordMatch[] = [];
  const longestFirst = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const match of longestFirst) {
    if (!kept.some((other) => other.start <= match.start && match.end <= other.end)) kept.push(match);
  }
  return kept;
}

/** Why a keyword cannot be used, or null when it can. */
export function validateKeyword(keyword: string): string | null {
  const folded = foldForSearch(keyword);
  if (folded === '') return 'the keyword is empty';
  if (normalizeText(keyword).trim().length > MAX_KEYWORD_LENGTH) {
    return `the keyword is longer than ${MAX_KEYWORD_LENGTH} characters`;
  }
  if ((folded.match(/\p{L}/gu)?.length ?? 0) < 2) return 'the keyword needs at least 2 letters';
  return null;
}

/** Offtrack booking references look like OTV-2026-001234; customers often drop the hyphens. */
export const DEFAULT_BOOKING_REFERENCE_PATTERN = '\\bOTV-?\\d{4}-?\\d{4,6}\\b';

const MAX_BOOKING_REFERENCE_LENGTH = 40;

/**
 * Whether a regular expression can match nothing cannot be decided by looking at it, so it is tried on texts
 * where a sloppy pattern ('\d*', 'x|', '\b', '(?=OTV)') finds an empty match.
 */
const EMPTY_MATCH_PROBES = ['', ' ', 'x', 'OTV-2026-001234', 'Mã đặt tour: OTV 2026 001234.'];

/** Compiles the configured booking reference pattern, refusing one that is invalid or can match nothing. */
export function compileBookingReferencePattern(source: string): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'iu');
  } catch (error) {
    throw new Error(
      `the booking reference pattern ${JSON.stringify(source)} is not a valid regular expression: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const everywhere = new RegExp(pattern, 'giu');
  if (EMPTY_MATCH_PROBES.some((probe) => [...probe.matchAll(everywhere)].some((found) => found[0] === ''))) {
    throw new Error(`the booking reference pattern ${JSON.stringify(source)} can match the empty string`);
  }
  return pattern;
}

/** The first booking reference in the text, upper-cased, or null. */
export function extractBookingReference(text: string, pattern: RegExp): string | null {
  const found = normalizeText(text).match(pattern)?.[0];
  const reference = found?.trim().toUpperCase().slice(0, MAX_BOOKING_REFERENCE_LENGTH).trimEnd();
  return reference || null;
}
