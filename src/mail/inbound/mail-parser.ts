import { convert as htmlToText } from 'html-to-text';
import { simpleParser } from 'mailparser';
import type { AddressObject, ParsedMail as MailparserResult } from 'mailparser';
import { sanitizeUserHtml } from '../../common/text/html.js';
import { normalizeText } from '../../common/text/search-text.js';
import { normalizeMessageId, parseMessageIds } from './mail-threading.rules.js';

export interface MailAttachment {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  contentId: string | null;
  isInline: boolean;
}

/** What intake needs from a raw message: decoded, NFC-normalised, HTML sanitised. */
export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string } | null;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
  /** Raw header values by lower-case name, for the noise rules (Auto-Submitted, Precedence, List-Id…). */
  headers: Record<string, string[]>;
  contentType: string;
  /** The MIME structure could not be decoded (e.g. a boundary that never appears); `text` is the raw body. */
  undecodable: boolean;
}

/** The body of a raw message as text, for mail whose MIME structure yields nothing: better raw than lost. */
function rawBody(raw: Buffer): string {
  const end = raw.indexOf('\r\n\r\n');
  return end === -1
    ? ''
    : raw
        .subarray(end + 4)
        .toString('utf8')
        .replace(/\uFFFD/g, '?')
        .trim();
}

function addresses(field: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry): entry is { address: string; name: string } => Boolean(entry.address))
    .map((entry) => ({
      address: entry.address.trim().toLowerCase(),
      name: normalizeText(entry.name ?? '').trim(),
    }));
}

function rawHeaders(result: MailparserResult): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of result.headerLines ?? []) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    (headers[key.toLowerCase()] ??= []).push(value);
  }
  return headers;
}

/**
 * Parses a raw message with mailparser, which decodes every charset iconv-lite knows (windows-1258
 * included), RFC 2047 words and RFC 2231 parameters. Text is stored in NFC: windows-1258 decodes to
 * combining tone marks, and NFD would break search and equality.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const result = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const [from] = addresses(result.from);
  const html = typeof result.html === 'string' && result.html.trim() ? sanitizeUserHtml(result.html) : null;
  // mailparser leaves `text` empty for HTML-only mail inside multipart/related; derive it from the safe HTML.
  const decoded = result.text?.trim() ? result.text : html ? htmlToText(html, { wordwrap: false }) : '';
  const undecodable = !decoded && (result.attachments ?? []).length === 0 && rawBody(raw).length > 0;
  const text = undecodable ? rawBody(raw) : decoded;
  return {
    messageId: result.messageId ? normalizeMessageId(result.messageId) : null,
    inReplyTo: parseMessageIds(result.inReplyTo),
    references: parseMessageIds(result.references),
    from: from ?? null,
    to: addresses(result.to).map((entry) => entry.address),
    cc: addresses(result.cc).map((entry) => entry.address),
    subject: normalizeText(result.subject ?? '').trim(),
    text: normalizeText(text).trim(),
    html,
    attachments: (result.attachments ?? []).map((attachment) => ({
      fileName: normalizeText(attachment.filename ?? 'attachment'),
      contentType: (attachment.contentType ?? 'application/octet-stream').toLowerCase(),
      bytes: attachment.content,
      contentId: attachment.cid ?? null,
      isInline: attachment.contentDisposition === 'inline' && Boolean(attachment.cid),
    })),
    headers: rawHeaders(result),
    contentType: rawHeaders(result)['content-type']?.[0] ?? 'text/plain',
    undecodable,
  };
}
