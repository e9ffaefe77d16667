import { EMAIL_PATTERN, isPhoneLength, PHONE_PATTERN } from '../common/text/personal-data.js';
import {
  findSensitiveData,
  foldKeepingPlaces,
  type SensitiveDataKind,
} from '../sensitive-data/sensitive-data.rules.js';

/** What stands in for each kind of personal data once redacted. No `<`, `>` or `&`: sanitised HTML stays valid. */
export const REDACTED: Record<SensitiveDataKind | 'email' | 'phone' | 'name', string> = {
  email: '[email]',
  phone: '[phone]',
  card_number: '[card]',
  citizen_id: '[citizen-id]',
  passport_number: '[passport]',
  name: '[name]',
};

/**
 * The text with card, citizen ID and passport numbers, e-mail addresses, phone numbers and the given names
 * replaced by REDACTED markers. Names match whole words, ignoring case and Vietnamese tone marks, so
 * "Nguyễn Văn Đạt" also removes "nguyen van dat".
 */
export function redactPersonalData(text: string, names: readonly string[] = []): string {
  return personalDataRedactor(names)(text);
}

/** redactPersonalData for many texts of one customer: the name patterns are compiled once. */
export function personalDataRedactor(names: readonly string[]): (text: string) => string {
  const namePatterns = names.flatMap((name) => namePattern(name) ?? []);
  return (text) => {
    let redacted = '';
    let from = 0;
    for (const finding of findSensitiveData(text)) {
      redacted += text.slice(from, finding.start) + REDACTED[finding.kind];
      from = finding.end;
    }
    redacted = (redacted + text.slice(from))
      .replace(EMAIL_PATTERN, REDACTED.email)
      .replace(PHONE_PATTERN, (whole, _plus: string, head: string, tail: string) =>
        isPhoneLength(head, tail) ? REDACTED.phone : whole,
      );
    return namePatterns.reduce((current, pattern) => redactName(current, pattern), redacted);
  };
}

/** Names shorter than this ("A", "Vy") would redact ordinary words; the e-mail and phone rules still apply. */
const SHORTEST_NAME = 4;

function namePattern(name: string): RegExp | null {
  const words = foldKeepingPlaces(name.normalize('NFC')).toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.join(' ').length < SHORTEST_NAME) return null;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Folded names are nearly always ASCII: a non-unicode pattern is several times faster over every message.
  // No `i` flag: with it, compiling the pattern (once per customer) costs more than matching all their text.
  return new RegExp(`(?<![${WORD}])${escaped.join('\\s+')}(?![${WORD}])`, 'g');
}

/** Letters and digits, as the name boundaries see them: ASCII, Latin with diacritics, and anything past them. */
const WORD = 'A-Za-z0-9\\u00C0-\\uFFFF';

function redactName(text: string, pattern: RegExp): string {
  const folded = lowerCaseKeepingPlaces(foldKeepingPlaces(text));
  let redacted = '';
  let from = 0;
  for (const match of folded.matchAll(pattern)) {
    redacted += text.slice(from, match.index) + REDACTED.name;
    from = match.index + match[0].length;
  }
  return redacted + text.slice(from);
}

/** Lower case, one character for one (a few letters, such as İ, lower-case to two: those stay as they are). */
function lowerCaseKeepingPlaces(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
