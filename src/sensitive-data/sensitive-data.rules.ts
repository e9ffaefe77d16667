import type { Role } from '../auth/role.js';

export type SensitiveDataKind = 'card_number' | 'citizen_id' | 'passport_number';

/** Where a card, citizen ID or passport number sits in a text: `text.slice(start, end)`. */
export interface SensitiveDataFinding {
  kind: SensitiveDataKind;
  start: number;
  end: number;
}

/** The parts of a message an agent reads; every one of them is masked alike. */
export interface ReadableMessage {
  bodyText: string;
  visibleText: string;
  quotedText: string | null;
  signature: string | null;
  bodyHtml: string | null;
}

const MASK = '•';

/** Admins always may; anyone else needs the permission on their agent record. */
export function maySeeSensitiveData(role: Role, canViewSensitive: boolean): boolean {
  return role === 'admin' || canViewSensitive;
}

/** Supervisors may also unmask one message at a time, giving a reason that goes into the audit log. */
export function mayUnmaskSensitiveData(role: Role, canViewSensitive: boolean): boolean {
  return role === 'supervisor' || maySeeSensitiveData(role, canViewSensitive);
}

export function maskMessage<T extends ReadableMessage>(message: T): T {
  return {
    ...message,
    bodyText: maskSensitiveData(message.bodyText),
    visibleText: maskSensitiveData(message.visibleText),
    quotedText: message.quotedText === null ? null : maskSensitiveData(message.quotedText),
    signature: message.signature === null ? null : maskSensitiveData(message.signature),
    bodyHtml: message.bodyHtml === null ? null : maskSensitiveData(message.bodyHtml),
  };
}

/**
 * The text with every card, citizen ID and passport number masked: cards keep their last 4 digits
 * ("•••• •••• •••• 1234"), IDs and passports their last 3. The masks hold no `<`, `>` or `&`, so sanitised
 * HTML stays well formed.
 */
export function maskSensitiveData(text: string): string {
  let masked = '';
  let from = 0;
  for (const finding of findSensitiveData(text)) {
    masked += text.slice(from, finding.start) + maskOf(finding.kind, text.slice(finding.start, finding.end));
    from = finding.end;
  }
  return masked + text.slice(from);
}

export function findSensitiveData(text: string): SensitiveDataFinding[] {
  const folded = foldKeepingPlaces(text);
  const candidates = [...cardNumbers(text), ...citizenIds(folded), ...passportNumbers(folded)];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const findings: SensitiveDataFinding[] = [];
  for (const candidate of candidates) {
    const last = findings.at(-1);
    if (!last || candidate.start >= last.end) findings.push(candidate);
  }
  return findings;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** CCCD numbers open with the code of the province of birth registration, 001 to 096. */
export function hasProvinceCode(digits: string): boolean {
  const code = Number(digits.slice(0, 3));
  return code >= 1 && code <= 96;
}

// A number that is part of something longer (OT#100231, OTV-2026-001234, 1.500.000, 12/03/2026, a URL
// path) is not one on its own: these characters before or after it rule it out.
const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}_#./,-])`;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}_]|[-./,:]\p{N})`;

// 13 to 19 digits in groups split by single spaces or dashes; never starting with 0, as phone numbers do.
const CARD = new RegExp(String.raw`${NOT_BEFORE}[1-9](?:[ -]?\d){12,18}${NOT_AFTER}`, 'gu');

function cardNumbers(text: string): SensitiveDataFinding[] {
  return [...text.matchAll(CARD)]
    .filter((match) => passesLuhn(match[0].replace(/\D/g, '')))
    .map((match) => ({ kind: 'card_number', start: match.index, end: match.index + match[0].length }));
}

// Cue words, diacritics folded: "căn cước" is matched as "can cuoc". A bare "ID" is a cue only when no other
// noun claims it ("booking ID", "mã giao dịch ID" name references, not people).
const CITIZEN_ID_CUES = [
  String.raw`cccd`,
  String.raw`cmnd`,
  String.raw`can\s+cuoc(?:\s+cong\s+dan)?`,
  String.raw`chung\s+minh(?:\s+nhan\s+dan|\s+thu)?`,
  String.raw`so\s+dinh\s+danh(?:\s+ca\s+nhan)?`,
  String.raw`citizen(?:'s)?\s+id(?:entity)?(?:\s+card)?`,
  String.raw`national\s+id(?:\s+card)?`,
  String.raw`(?<!(?:booking|order|transaction|ticket|payment|reference|giao\s+dich|don\s+hang|dat\s+cho|ve)\s+)id`,
];
// What may stand between the cue and the number: "CCCD số: ", "căn cước công dân của tôi là ", "ID no. ".
const CUE_GAP = String.raw`[^\p{N}\n]{0,30}?`;
const CITIZEN_ID_AFTER_CUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${CITIZEN_ID_CUES.join('|')})(?![\p{L}\p{N}])${CUE_GAP}${NOT_BEFORE}(\d{12}|\d{9}|\d{3}(?: \d{3}){3}|\d{3}(?: \d{3}){2})${NOT_AFTER}`,
  'giu',
);
const LONE_CITIZEN_ID = new RegExp(String.raw`${NOT_BEFORE}0\d{11}${NOT_AFTER}`, 'gu');

function citizenIds(folded: string): SensitiveDataFinding[] {
  const cued = [...folded.matchAll(CITIZEN_ID_AFTER_CUE)].map((match) => numberIn(match, 'citizen_id'));
  const lone = [...folded.matchAll(LONE_CITIZEN_ID)]
    .filter((match) => hasProvinceCode(match[0]))
    .map((match) => ({
      kind: 'citizen_id' as const,
      start: match.index,
      end: match.index + match[0].length,
    }));
  return [...cued, ...lone];
}

// Vietnamese passports: one capital letter and 7 digits (C1234567). Other countries' formats vary, so they
// count only after a cue word: 6 to 9 letters and digits, at least 5 of them digits.
const VIETNAMESE_PASSPORT = new RegExp(String.raw`${NOT_BEFORE}[A-Z]\d{7}${NOT_AFTER}`, 'gu');
const PASSPORT_AFTER_CUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:ho\s+chieu|passport)(?![\p{L}\p{N}])${CUE_GAP}${NOT_BEFORE}((?=(?:[a-z]*\d){5})[a-z\d]{6,9})${NOT_AFTER}`,
  'giu',
);

function passportNumbers(folded: string): SensitiveDataFinding[] {
  const cued = [...folded.matchAll(PASSPORT_AFTER_CUE)].map((match) => numberIn(match, 'passport_number'));
  const vietnamese = [...folded.matchAll(VIETNAMESE_PASSPORT)].map((match) => ({
    kind: 'passport_number' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
  return [...cued, ...vietnamese];
}

/** The span of the number (the regex's first group) in a match that began with its cue word. */
function numberIn(match: RegExpExecArray, kind: SensitiveDataKind): SensitiveDataFinding {
  const end = match.index + match[0].length;
  return { kind, start: end - match[1].length, end };
}

/**
 * Diacritics removed and đ made d, one character for one, so positions in the folded text are positions in
 * the original (stored text is NFC, so nearly every Vietnamese letter is one precomposed character).
 */
export function foldKeepingPlaces(text: string): string {
  // Printable ASCII has nothing to fold; retention folds every message of every expired customer, so it pays
  // to know (other characters below 0x80 take the loop, which keeps them as they are).
  if (/^[\t\n\r -~]*$/.test(text)) return text;
  // Code unit by code unit: a lone surrogate folds to itself, so astral characters keep their two places.
  return text.replace(/[^\0-\x7f]/g, foldCharacter);
}

const foldedCharacters = new Map<string, string>();

function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    const base = character
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'));
    folded = base.length === character.length ? base : character;
    // Bounded: text can hold any of a million code points, the cache only the first ten thousand seen.
    if (foldedCharacters.size < 10_000) foldedCharacters.set(character, folded);
  }
  return folded;
}

function maskOf(kind: SensitiveDataKind, value: string): string {
  if (kind === 'card_number')
    return `${MASK.repeat(4)} ${MASK.repeat(4)} ${MASK.repeat(4)} ${value.replace(/\D/g, '').slice(-4)}`;
  const compact = value.replace(/\s/g, '');
  return MASK.repeat(compact.length - 3) + compact.slice(-3);
}
