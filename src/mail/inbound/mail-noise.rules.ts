/** Header values by lower-case header name, as the mail parser gives them. */
export type MailHeaders = Record<string, string | string[]>;

export type NoiseKind = 'bounce' | 'auto_reply' | 'bulk';

function headerValues(headers: MailHeaders, name: string): string[] {
  const value = headers[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((entry) => entry.trim());
}

function hasHeader(headers: MailHeaders, name: string): boolean {
  return headerValues(headers, name).some((value) => value !== '');
}

/** The first token of a structured value, lower-cased: `Auto-Replied; owner-email="x"` gives `auto-replied`. */
function leadingToken(value: string): string {
  return value.split(';')[0].trim().toLowerCase();
}

function precedence(headers: MailHeaders): string[] {
  return headerValues(headers, 'precedence').map(leadingToken);
}

/**
 * RFC 3834 §5: any Auto-Submitted value but `no` marks a machine-sent message (auto-replied, auto-generated,
 * RFC 5436's auto-notified, and extensions not yet known).
 */
function isAutoSubmitted(headers: MailHeaders): boolean {
  return headerValues(headers, 'auto-submitted').some(
    (value) => value !== '' && leadingToken(value) !== 'no',
  );
}

/** X-Autoreply and X-Autorespond carry "yes" or the responder's name; any value but an explicit no counts. */
function hasAutoresponderFlag(headers: MailHeaders): boolean {
  return ['x-autoreply', 'x-autorespond'].some((name) =>
    headerValues(headers, name).some(
      (value) => value !== '' && !['no', 'false', '0'].includes(value.toLowerCase()),
    ),
  );
}

/**
 * X-Auto-Response-Suppress (MS-OXCMAIL §2.1.3.2.20) asks receivers not to answer automatically; it does not by
 * itself say the message is automatic. Exchange writes `All` on its own out-of-office and auto-replies and on
 * system notifications, while ordinary Outlook mail can carry `None` or only the receipt flags (DR, NDR, RN,
 * NRN). So only a request to suppress every auto-reply, `All` or both `OOF` and `AutoReply`, counts: a person
 * writing a complaint never asks for that.
 */
function suppressesEveryAutoReply(headers: MailHeaders): boolean {
  return headerValues(headers, 'x-auto-response-suppress').some((value) => {
    const flags = value.toLowerCase().split(/[\s,]+/);
    return flags.includes('all') || (flags.includes('oof') && flags.includes('autoreply'));
  });
}

/** An out-of-office note, vacation message or other answer written by a machine. */
export function isAutoReply(headers: MailHeaders): boolean {
  return (
    isAutoSubmitted(headers) ||
    hasAutoresponderFlag(headers) ||
    suppressesEveryAutoReply(headers) ||
    precedence(headers).includes('auto_reply')
  );
}

/**
 * Newsletters and mailing-list traffic: `Precedence: bulk|junk|list` (RFC 3834 §3.1.8 asks responders to
 * honour it), `List-Id` (RFC 2919) or `List-Unsubscribe` (RFC 2369, RFC 8058). Feedback-ID is left out on
 * purpose: it names the sender's account at an email provider, and Amazon SES puts it on every message,
 * transactional mail from a partner's booking system included.
 * A deployment that receives its care address through a Google Group or other list gets List-Id on every
 * message, so it must deliver to the helpdesk mailbox directly.
 */
export function isBulk(headers: MailHeaders): boolean {
  return (
    precedence(headers).some((value) => ['bulk', 'junk', 'list'].includes(value)) ||
    hasHeader(headers, 'list-id') ||
    hasHeader(headers, 'list-unsubscribe')
  );
}

/** The `type/subtype` and one parameter of a Content-Type value, both lower-cased, quotes removed. */
function contentTypeParts(contentType: string): { mimeType: string; reportType: string | null } {
  const [mimeType, ...parameters] = contentType.split(';').map((part) => part.trim());
  const reportType = parameters
    .map((parameter) => /^report-type\s*=\s*"?([^"]*)"?$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { mimeType: mimeType.toLowerCase(), reportType: reportType?.trim().toLowerCase() ?? null };
}

function isReport(contentType: string, reportType: string): boolean {
  const parts = contentTypeParts(contentType);
  return parts.mimeType === 'multipart/report' && parts.reportType === reportType;
}

const DELIVERY_REPORT_SUBJECTS = [
  /^undelivered mail returned to sender/i, // Postfix
  /^delivery status notification/i, // Gmail and Exchange, failure or delay
  /^mail delivery failed/i, // Exim
  /^undeliverable:/i, // Exchange
  /^delivery (?:has )?failed/i,
  /^delivery failure/i, // Lotus Notes, Yahoo
  /^returned mail:/i, // Sendmail
  /^failure notice$/i, // qmail
  /^mail system error - returned mail/i,
];

/** Bounces are sent from the mail system's own mailbox, or with an empty envelope sender (RFC 5321 §4.5.5). */
function isFromMailSystem(headers: MailHeaders): boolean {
  const fromMailSystem = headerValues(headers, 'from').some((from) =>
    /(?:^|[<\s"])(?:mailer-daemon|postmaster)(?:@|>|$)/i.test(from),
  );
  return fromMailSystem || headerValues(headers, 'return-path').some((value) => /^<\s*>$/.test(value));
}

/**
 * A delivery status notification: RFC 3464 `multipart/report; report-type=delivery-status`. Some servers
 * still send bounces as plain text, so a mail-system sender with a bounce subject counts too; the subject alone
 * does not, as a customer may forward a bounce to ask why our mail did not arrive.
 * A report can be a delay warning rather than a failure; read its Action field before marking an address dead.
 */
export function isDeliveryReport(contentType: string, headers: MailHeaders): boolean {
  if (isReport(contentType, 'delivery-status')) return true;
  const subjects = headerValues(headers, 'subject');
  return (
    isFromMailSystem(headers) &&
    subjects.some((subject) => DELIVERY_REPORT_SUBJECTS.some((p) => p.test(subject)))
  );
}

/** A read receipt (RFC 8098 message disposition notification): a machine's answer, like an auto-reply. */
function isReadReceipt(contentType: string): boolean {
  return isReport(contentType, 'disposition-notification');
}

/**
 * What kind of noise a message is, or null for a message a person wrote. Bounces come first because they
 * often carry Auto-Submitted too and must reach the bounce handling; auto-replies before bulk because
 * vacation responders commonly add `Precedence: bulk`.
 */
export function noiseKind(input: { contentType: string; headers: MailHeaders }): NoiseKind | null {
  if (isDeliveryReport(input.contentType, input.headers)) return 'bounce';
  if (isAutoReply(input.headers) || isReadReceipt(input.contentType)) return 'auto_reply';
  if (isBulk(input.headers)) return 'bulk';
  return null;
}

/** The address without its +tag, lower-cased: `Care+OT100231@Offtrack.test` gives `care@offtrack.test`. */
function baseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  const local = trimmed.slice(0, at).split('+')[0];
  return local ? `${local}${trimmed.slice(at)}` : trimmed;
}

/** Whether an address is one of the helpdesk's own, +tags included: mail from ourselves must not open tickets. */
export function isOwnAddress(address: string, ownAddresses: string[]): boolean {
  const base = baseAddress(address);
  if (!base.includes('@')) return false;
  return ownAddresses.some((own) => baseAddress(own) === base);
}
