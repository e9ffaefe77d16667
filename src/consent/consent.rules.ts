import { foldForSearch } from '../common/text/search-text.js';

export const CONSENT_PURPOSES = ['service', 'newsletter', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_STATES = ['given', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** form: the complaint form; mail: a mail asking for it; agent: staff on the customer's word; link: the unsubscribe link. */
export const CONSENT_SOURCES = ['form', 'mail', 'agent', 'link', 'import'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * Whether a change must be written as a new event. Automatic withdrawals (link, mail) of a consent already
 * withdrawn add nothing: mail clients and link scanners repeat one-click POSTs. A person's act (form, agent,
 * import) is always recorded, because it is evidence in its own right.
 */
export function isNewEvent(
  current: ConsentState | null,
  state: ConsentState,
  source: ConsentSource,
): boolean {
  if (source === 'link' || source === 'mail') return current !== state;
  return true;
}

/**
 * Words that stop the newsletter, folded (no tone marks, đ → d). Folding makes "Huy" (a name) and "hủy",
 * "dùng" and "dừng", "thời" and "thôi" the same, so each verb counts only before the words it goes with.
 */
const STOP_VI =
  '(?:huy(?= (?:dang k[yi]|nhan|theo doi|ban tin|newsletter))|ngu?ng|dung(?= (?:gui|nhan))|' +
  'thoi(?= (?:gui|nhan))|bo(?= (?:dang k[yi]|theo doi))|khong muon nhan|khong nhan(?! duoc))';
/** …when they reach, within a few words, what is sent: "bản tin", "thư quảng cáo", "email khuyến mãi". */
const SENDING_VI = '(?:ban tin|newsletter|quang cao|(?:email|e-mail|mail|thu|tin|sms) khuyen mai)';
const ASKS_VI = new RegExp(`\\b${STOP_VI}(?: \\S+){0,4}? ${SENDING_VI}\\b`);
/** "đừng hủy", "không hủy", "chưa hủy": the customer wants the opposite. */
const NEGATED_VI = /\b(?:dung|khong|chua|dung co) huy\b/;

const ASKS_EN = [
  /\bun-?subscrib(?:e|ed|ing)\b/,
  /\bunsub\b/,
  /\bopt(?:ing)?[ -]?out\b/,
  /\bstop (?:sending|emailing|mailing)\b(?: \S+){0,4}? (?:newsletters?|e?-?mails?|marketing|promotions?|offers?|deals?)\b/,
  /\bremove me from\b(?: \S+){0,4}? (?:list|newsletter|mailing)/,
  /\b(?:no more|don'?t want(?: any)?(?: more)?|do not want(?: any)?(?: more)?) (?:\S+ ){0,2}?(?:newsletters?|promotional e?-?mails?|marketing e?-?mails?)\b/,
];
/** "don't unsubscribe me", "I never unsubscribed", "unsubscribe from nothing". */
const NEGATED_EN = [
  /\b(?:not|never|don'?t|do not|didn'?t|did not|no need to|without)\b(?: \S+){0,2}? (?:un-?subscrib|opt(?:ing)?[ -]?out)/,
  /\bun-?subscrib\w* (?:me )?from nothing\b/,
];

/** A subject that is nothing but the request, as the List-Unsubscribe mailto (subject=unsubscribe) sends it. */
const BARE_SUBJECT = /^(?:(?:re|fwd?|tl|tr|trl): *)*(?:unsubscribe|huy dang ky|huy dang ky ban tin|stop)$/;

/**
 * Whether a customer's mail asks to stop the newsletter, in Vietnamese or English, with or without tone marks.
 * Read clause by clause, so "I want to unsubscribe from nothing, my tour was cancelled" or "đừng hủy đăng ký
 * bản tin của tôi" are not requests. `text` should be the customer's own words, without the quoted history.
 */
export function asksToUnsubscribe(subject: string, text: string): boolean {
  if (BARE_SUBJECT.test(foldForSearch(subject).replace(/[.!]+$/, ''))) return true;
  const clauses = `${subject}\n${text.slice(0, 2000)}`
    .split(/[.!?;:,\n()]+/)
    .map((clause) => foldForSearch(clause).replace(/[’`]/g, "'"))
    .filter(Boolean);
  return clauses.some((clause) => {
    if (ASKS_VI.test(clause) && !NEGATED_VI.test(clause)) return true;
    return ASKS_EN.some((ask) => ask.test(clause)) && !NEGATED_EN.some((negated) => negated.test(clause));
  });
}
