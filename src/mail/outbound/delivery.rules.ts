import { randomUUID } from 'node:crypto';

const MINUTE = 60_000;
const MAX_DELAY = 6 * 60 * MINUTE;

/** Waits 1, 2, 4, 8 … minutes between attempts, at most 6 hours: a mail server that is down for a while recovers. */
export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attemptsSoFar - 1), MAX_DELAY);
}

export interface SmtpFailure {
  responseCode?: number;
  code?: string;
  message?: string;
}

/**
 * A 5xx reply to the message (RFC 5321 §4.2.1) will not change on retry: the address does not exist, the
 * mail is refused. Connection errors, timeouts and 4xx replies are worth retrying.
 */
export function isPermanentFailure(error: SmtpFailure): boolean {
  return typeof error.responseCode === 'number' && error.responseCode >= 500 && error.responseCode < 600;
}

export function describeFailure(error: SmtpFailure): string {
  const parts = [error.responseCode, error.code, error.message].filter(
    (part) => part !== undefined && part !== '',
  );
  return parts.join(' ').slice(0, 500) || 'unknown error';
}

/** Our own Message-ID: globally unique, on our domain, so replies to it thread back to the ticket. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'offtrack.local';
  return `<${randomUUID()}@${domain}>`;
}

/** Fills {{placeholders}} from values; an unknown placeholder is left as it is so a typo is visible. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
