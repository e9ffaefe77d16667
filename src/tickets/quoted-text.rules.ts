/** A message's text in display parts: the new text, then its signature, then the quoted history. */
export interface SplitText {
  visible: string;
  quoted: string | null;
  signature: string | null;
}

/** How far below a `From:` line an Outlook header block may still have its `Sent:` and `Subject:` lines. */
const HEADER_BLOCK_LINES = 6;
/** A `--` without the trailing space starts a signature only when this few lines follow it. */
const LOOSE_SIGNATURE_LINES = 8;

const FORWARD_MARKERS = [
  /^-{2,}\s*(?:forwarded message|thư đã chuyển tiếp|tin nhắn đã chuyển tiếp)\s*-{2,}$/i, // Gmail, Thunderbird
  /^begin forwarded message:$/i, // Apple Mail
  /^bắt đầu thư được chuyển tiếp:$/i,
];

/** Outlook, Samsung and older clients; "Thư gốc" and "Tin nhắn gốc" are their Vietnamese forms. */
const ORIGINAL_MESSAGE_MARKER = /^-{2,}\s*(?:original message|thư gốc|tin nhắn gốc)\s*-{2,}$/i;

/** Outlook's rule above a plain-text header block. */
const SEPARATOR_LINE = /^(?:_{10,}|-{10,})$/;

/** Outlook header labels, English and Vietnamese; the plain-text version of the HTML keeps the bold as `*`. */
const FROM_LABEL = /^\*?(?:from|từ)\s?:\*?\s/i;
const SENT_LABEL = /^\*?(?:sent|date|đã gửi|ngày gửi|ngày)\s?:/i;
const SUBJECT_LABEL = /^\*?(?:subject|chủ đề|tiêu đề)\s?:/i;

/** "On … wrote:" and its forms in the clients our customers use; Gmail wraps it over two or three lines. */
const ATTRIBUTIONS = [
  /^on\s.+\swrote:$/i,
  /^vào\s.+\sđã viết:$/i, // Vietnamese Gmail
  /^le\s.+\sa écrit\s?:$/i,
  /^am\s.+\sschrieb\s.+:$/i,
];

const MOBILE_SIGNATURES = [
  /^sent from my [\p{L}\p{N} .-]{1,40}$/iu,
  /^sent from (?:outlook|mail|yahoo mail)\b.{0,30}$/i,
  /^get outlook for (?:ios|android)$/i,
  /^(?:được )?gửi từ .{1,50} của tôi\.?$/iu, // "Gửi từ iPhone của tôi", Samsung's "Được gửi từ …"
];

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isQuoteLine(line: string): boolean {
  return /^\s*>/.test(line);
}

function matchesAny(line: string, patterns: RegExp[]): boolean {
  const trimmed = line.trim();
  return patterns.some((pattern) => pattern.test(trimmed));
}

/**
 * An Outlook header block: `From:` with `Sent:`/`Date:` and `Subject:` close below. All three are needed so a
 * customer's "From: Hà Nội / To: Sapa / Date: 12/3" itinerary is not taken for a quote.
 */
function isHeaderBlockAt(lines: string[], index: number): boolean {
  if (!FROM_LABEL.test(lines[index].trim())) return false;
  const below = lines.slice(index + 1, index + 1 + HEADER_BLOCK_LINES).map((line) => line.trim());
  return below.some((line) => SENT_LABEL.test(line)) && below.some((line) => SUBJECT_LABEL.test(line));
}

/** Outlook puts the whole history below its marker or header block, unquoted: everything from there is quoted. */
function outlookQuoteStart(lines: string[], before: number): number {
  for (let index = 0; index < before; index++) {
    if (ORIGINAL_MESSAGE_MARKER.test(lines[index].trim())) return index;
    if (isHeaderBlockAt(lines, index)) {
      return index > 0 && SEPARATOR_LINE.test(lines[index - 1].trim()) ? index - 1 : index;
    }
  }
  return -1;
}

/** Where an attribution of one to three lines ends just above `index` (blank lines between allowed), or -1. */
function attributionStart(lines: string[], index: number): number {
  let end = index - 1;
  while (end >= 0 && isBlank(lines[end])) end--;
  for (let start = end; start >= Math.max(0, end - 2); start--) {
    const joined = lines
      .slice(start, end + 1)
      .map((line) => line.trim())
      .join(' ');
    if (matchesAny(joined, ATTRIBUTIONS)) return start;
  }
  return -1;
}

/**
 * The `>` lines that end the message, with the attribution above them. Only a quote that runs to the end
 * counts: when new text follows quoted lines, the customer answered between them, and hiding the quote would
 * hide the context of those answers.
 */
function trailingQuoteStart(lines: string[]): number {
  let start = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    if (isBlank(lines[index])) continue;
    if (!isQuoteLine(lines[index])) break;
    start = index;
  }
  if (start === -1) return -1;
  const attribution = attributionStart(lines, start);
  return attribution === -1 ? start : attribution;
}

/** The first line of the quoted history above line `before`, or -1. */
function quoteStart(lines: string[], before: number): number {
  const starts = [outlookQuoteStart(lines, before), trailingQuoteStart(lines)].filter(
    (start) => start !== -1 && start < before,
  );
  return starts.length ? Math.min(...starts) : -1;
}

function nonBlankLines(lines: string[]): number {
  return lines.filter((line) => !isBlank(line)).length;
}

/**
 * The first line of the signature in `lines[0, end)`, or -1. RFC 3676 §4.3's delimiter is "-- " on its own;
 * some clients strip trailing spaces, so a bare "--" counts too when only a few lines follow it. A mobile
 * client's "Sent from my iPhone" counts when it is the last line of the new text.
 */
function signatureStart(lines: string[], end: number): number {
  for (let index = 0; index < end; index++) {
    if (lines[index] === '-- ') return index;
    const isLooseDelimiter = lines[index].trimEnd() === '--';
    if (isLooseDelimiter && nonBlankLines(lines.slice(index + 1, end)) <= LOOSE_SIGNATURE_LINES) return index;
  }
  let last = end - 1;
  while (last >= 0 && isBlank(lines[last])) last--;
  return last >= 0 && matchesAny(lines[last], MOBILE_SIGNATURES) ? last : -1;
}

/** Lines as one text, without blank lines around it. */
function joinPart(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

/**
 * Splits a reply into the new text, the signature and the quoted history, for display; nothing is dropped.
 * Handles `>` quotes with their attribution (English, Vietnamese, French, German), Outlook header blocks
 * (English and Vietnamese) and "-----Original Message-----". Forwarded content is the message: after a
 * forward marker nothing is a quote or a signature, and a forward with no quote above its marker is not split
 * at all (its own headers and signature belong to it). An Outlook forward, though, has no marker: in the text
 * it looks the same as an Outlook reply.
 * Parts come back in NFC with \n line ends. When the new text would be empty (the whole message is quoted, or
 * only a signature), nothing is split: visible is the whole text.
 */
export function splitQuotedText(text: string): SplitText {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const whole = { visible: normalized, quoted: null, signature: null };
  const lines = normalized.split('\n');
  const forwardAt = lines.findIndex((line) => matchesAny(line, FORWARD_MARKERS));
  const quotedAt = quoteStart(lines, forwardAt === -1 ? lines.length : forwardAt);
  if (forwardAt !== -1 && quotedAt === -1) return whole;
  const bodyEnd = quotedAt === -1 ? lines.length : quotedAt;
  const signatureAt = signatureStart(lines, bodyEnd);
  const visible = joinPart(lines.slice(0, signatureAt === -1 ? bodyEnd : signatureAt));
  if (visible === '' || (quotedAt === -1 && signatureAt === -1)) return whole;
  return {
    visible,
    signature: signatureAt === -1 ? null : joinPart(lines.slice(signatureAt, bodyEnd)) || null,
    quoted: quotedAt === -1 ? null : joinPart(lines.slice(quotedAt)),
  };
}
