import { foldForSearch } from '../common/text/search-text.js';

export type GuessedLanguage = 'vi' | 'en';

/** Fewer words than this say too little to tell the language. */
const MIN_WORDS = 3;

/** Letters Vietnamese has and English does not: ă â đ ê ô ơ ư and every vowel with a tone mark (NFC). */
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/**
 * Syllables customers write when they type Vietnamese without marks ("toi muon huy tour", "cam on"), chosen
 * because they are not also English words: "long", "do", "to", "an", "on", "the", "bay", "may", "hang",
 * "day", "ban" are left out, and so is "tour", which both languages use.
 */
const UNMARKED_VIETNAMESE_WORDS = new Set(
  (
    'anh bao bi biet cam chao chi cho chua chung chuyen cua dat dc den di dich duoc gi gia giup gio gui hanh ' +
    'hdv hoan hoi huong huy kem khach khi khieu khoan khong kh ko la lai lam lich lien loi minh mong mot muon ' +
    'nai nao neu nen ngay nguoi nha nhan nhat nhe nhieu nhu nhung phong qua roi sao sau som tai thanh thi ' +
    'thuc tien toan toi tra trinh truoc ve vien voi vui xe xin'
  ).split(' '),
);

/** English function words and the words of a travel complaint. */
const ENGLISH_WORDS = new Set(
  (
    'a about after again all also am an and any are as asked at back bad be because been before booked ' +
    'booking bus but by can cancel canceled cancelled company complaint could day days dear did do does driver ' +
    'email experience for from get got guide had has have he hello her hi his hotel how i if in into is issue ' +
    'it just late like me money more my never no not of on one only or our out paid pay payment please ' +
    'problem received refund regards reply room said service she should so some still than thank thanks that ' +
    'the their them then there they this time to told trip two up very wait waiting want was we were what ' +
    'when which who why will with would yet you your'
  ).split(' '),
);

/** Words of the text, without the addresses and links that would add words of their own. */
function wordsOf(text: string): string[] {
  const prose = text
    .normalize('NFC')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ')
    .replace(/\S+@\S+/g, ' ');
  return prose.match(/\p{L}+/gu) ?? [];
}

function isVietnameseWord(word: string): boolean {
  return VIETNAMESE_LETTER.test(word) || UNMARKED_VIETNAMESE_WORDS.has(foldForSearch(word));
}

/**
 * Guesses whether a complaint is in Vietnamese or English by counting words that only one language would
 * use: for Vietnamese, words with its own letters or tone marks, or common syllables typed without marks;
 * for English, common English words. The larger count wins, so a few Vietnamese names or places
 * ("Hội An", "Nguyễn Văn Đạt") in an English text stay English. A tie with any Vietnamese goes to
 * Vietnamese: the writer reads it, and it is the helpdesk's default. Null for fewer than three words or when
 * neither language shows (another language, or only names).
 */
export function guessLanguage(text: string): GuessedLanguage | null {
  const words = wordsOf(text);
  if (words.length < MIN_WORDS) return null;
  const vietnamese = words.filter(isVietnameseWord).length;
  const english = words.filter(
    (word) => !isVietnameseWord(word) && ENGLISH_WORDS.has(word.toLowerCase()),
  ).length;
  if (vietnamese === 0 && english === 0) return null;
  return vietnamese >= english ? 'vi' : 'en';
}
