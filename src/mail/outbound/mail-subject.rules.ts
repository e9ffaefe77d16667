/** Subjects of mail: the ticket token we put in them, and the reply prefixes mail clients add. */

const BRACKETED_TICKET_TOKEN = /\[\s*OT\s*#\s*(\d{1,9})\s*\]/i;
const BRACKETED_TICKET_TOKENS = /\[\s*OT\s*#\s*\d{1,9}\s*\]/gi;
const BARE_TICKET_TOKEN = /(?<![\p{L}\p{N}])OT ?# ?(\d{1,9})(?!\d)/iu;

/**
 * The ticket number named by a subject's `[OT#n]` token, or null.
 *
 * The first bracketed token wins: a bracketed token is one we wrote, and clients add prefixes and tokens on
 * the left as a mail travels, so the leftmost is the newest. A bare `OT#n` counts only when there is no
 * bracketed token (some clients and forwarding services drop the brackets), because a bare one may be the
 * customer naming another ticket in their own words: "Re: [OT#100231] về mã OT#100100 cũ".
 */
export function ticketNumberFromSubject(subject: string): number | null {
  const match = BRACKETED_TICKET_TOKEN.exec(subject) ?? BARE_TICKET_TOKEN.exec(subject);
  return match ? Number(match[1]) : null;
}

/**
 * Reply and forward prefixes as mail clients write them, in the languages our customers' clients use. A
 * regular expression source, matched case-insensitively after NFC. "Phản hồi" (feedback) is left out on
 * purpose: customers start their own subjects with it.
 */
const REPLY_PREFIXES = [
  // English and most clients
  're',
  'fw',
  'fwd',
  // Vietnamese: Outlook writes TL (Trả lời) and CT (Chuyển tiếp); people type them with or without marks
  'tl',
  'trả lời',
  'tra loi',
  'ct',
  'chuyển tiếp',
  'chuyen tiep',
  // German, Dutch
  'aw',
  'wg',
  'antw',
  'doorst',
  // Nordic and Finnish
  'sv',
  'vs',
  'vb',
  'vl',
  'vast',
  // Polish
  'odp',
  'pd',
  // Portuguese, Spanish
  'res',
  'enc',
  'rv',
  // Italian (Outlook writes the single letters R and I)
  'r',
  'i',
  'rif',
  // French
  'tr',
  // Turkish, Indonesian
  'ynt',
  'ilt',
  'bls',
  // Chinese, Japanese, Korean
  '回复',
  '回覆',
  '答复',
  '转发',
  '轉寄',
  '轉發',
  '返信',
  '転送',
  '답장',
  '회신',
  '전달',
  // Russian, Greek
  'ответ',
  'отв',
  'пересл',
  'απ',
  'σχετ',
  'πρθ',
];

/**
 * One leading prefix: the word, an optional counter (`Re[2]:`, `Re(3):`, Eudora's `Re^2:`), then an ASCII or
 * full-width colon. French typography puts a space before the colon (`RE : `), so white space is allowed
 * there too.
 */
const LEADING_REPLY_PREFIX = new RegExp(
  `^\\s*(?:${REPLY_PREFIXES.join('|')})\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]\\s*`,
  'iu',
);

/** The subject without its leading reply and forward prefixes, however many and in whatever mix; NFC. */
export function stripReplyPrefixes(subject: string): string {
  let rest = subject.normalize('NFC').trim();
  for (let match = LEADING_REPLY_PREFIX.exec(rest); match; match = LEADING_REPLY_PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest.trim();
}

/** The customer's subject without prefixes and without our bracketed tokens; a bare `OT#n` is their words. */
function cleanSubject(subject: string): string {
  return stripReplyPrefixes(subject.replace(BRACKETED_TICKET_TOKENS, ' ').replace(/\s+/g, ' '));
}

/**
 * The subject of a mail we send about a ticket: `[OT#n] subject`, with prefixes and any old token removed so
 * the token is never doubled. White space is collapsed to single spaces (folded subjects keep line breaks).
 */
export function withTicketToken(subject: string, ticketNumber: number): string {
  if (!Number.isSafeInteger(ticketNumber) || ticketNumber <= 0) {
    throw new RangeError(`not a ticket number: ${ticketNumber}`);
  }
  const clean = cleanSubject(subject);
  return clean ? `[OT#${ticketNumber}] ${clean}` : `[OT#${ticketNumber}]`;
}

/** The subject of an agent's reply: `Re: [OT#n] subject`, however many prefixes the customer's mail had. */
export function replySubject(subject: string, ticketNumber: number): string {
  return `Re: ${withTicketToken(subject, ticketNumber)}`;
}
