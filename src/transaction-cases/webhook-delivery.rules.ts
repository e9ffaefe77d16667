import { createHmac, timingSafeEqual } from 'node:crypto';

const SECOND = 1000;
const MAX_DELAY = 60 * 60 * SECOND;

/** Waits 30 s, 1, 2, 4 … minutes between attempts, at most an hour: halting a transaction cannot wait long. */
export function webhookRetryDelayMs(attemptsSoFar: number): number {
  return Math.min(30 * SECOND * 2 ** Math.max(0, attemptsSoFar - 1), MAX_DELAY);
}

/** `sha256=<hex>`: the HMAC-SHA256 of the exact bytes sent, keyed with TRANSACTION_WEBHOOK_SECRET. */
export function signatureOf(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** What a receiver does with X-Offtrack-Signature: recompute, compare in constant time. */
export function signatureMatches(rawBody: string, secret: string, header: string | undefined): boolean {
  const expected = Buffer.from(signatureOf(rawBody, secret));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type AttemptResult = { status: number } | { error: string };

/**
 * Whether an attempt delivered the call, is worth another try, or never will be. 2xx delivers. A 4xx other
 * than 408 (timeout) or 429 (slow down) says the receiver refuses this call (bad signature, unknown case):
 * repeating it changes nothing, so it fails at once for an admin to look at. 5xx, 3xx and network errors
 * are retried until `maxAttempts`.
 */
export function judgeAttempt(
  result: AttemptResult,
  attempts: number,
  maxAttempts: number,
): 'delivered' | 'retry' | 'failed' {
  if ('status' in result && result.status >= 200 && result.status < 300) return 'delivered';
  const refused =
    'status' in result && result.status >= 400 && result.status < 500 && ![408, 429].includes(result.status);
  return refused || attempts >= maxAttempts ? 'failed' : 'retry';
}

export function describeAttempt(result: AttemptResult): string | null {
  if ('error' in result) return result.error.slice(0, 500);
  return result.status >= 200 && result.status < 300 ? null : `HTTP ${result.status}`;
}
