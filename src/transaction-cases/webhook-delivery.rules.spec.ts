import { createHmac } from 'node:crypto';
import {
  describeAttempt,
  judgeAttempt,
  signatureMatches,
  signatureOf,
  webhookRetryDelayMs,
} from './webhook-delivery.rules.js';

describe('webhook delivery rules', () => {
  it('waits 30 s, then doubles, up to an hour', () => {
    expect([1, 2, 3, 4].map(webhookRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(webhookRetryDelayMs(30)).toBe(3_600_000);
  });

  it('signs the raw body with HMAC-SHA256 and checks signatures in constant time', () => {
    const body = '{"event":"transaction.suspended","reason":"Thẻ bị dùng trái phép"}';
    const hex = createHmac('sha256', 'k'.repeat(32)).update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signatureOf(body, 'k'.repeat(32))).toBe(`sha256=${hex}`);
    expect(signatureMatches(body, 'k'.repeat(32), `sha256=${hex}`)).toBe(true);
    expect(signatureMatches(body + ' ', 'k'.repeat(32), `sha256=${hex}`)).toBe(false);
    expect(signatureMatches(body, 'x'.repeat(32), `sha256=${hex}`)).toBe(false);
    expect(signatureMatches(body, 'k'.repeat(32), undefined)).toBe(false);
  });

  it('delivers on 2xx, retries server errors and network failures until the last attempt', () => {
    expect(judgeAttempt({ status: 204 }, 1, 3)).toBe('delivered');
    expect(judgeAttempt({ status: 500 }, 1, 3)).toBe('retry');
    expect(judgeAttempt({ status: 503 }, 2, 3)).toBe('retry');
    expect(judgeAttempt({ error: 'ECONNREFUSED' }, 2, 3)).toBe('retry');
    expect(judgeAttempt({ error: 'ECONNREFUSED' }, 3, 3)).toBe('failed');
    expect(judgeAttempt({ status: 302 }, 1, 3)).toBe('retry');
  });

  it('fails at once when the receiver refuses the call, but retries timeouts and rate limits', () => {
    expect(judgeAttempt({ status: 401 }, 1, 8)).toBe('failed');
    expect(judgeAttempt({ status: 422 }, 1, 8)).toBe('failed');
    expect(judgeAttempt({ status: 408 }, 1, 8)).toBe('retry');
    expect(judgeAttempt({ status: 429 }, 1, 8)).toBe('retry');
  });

  it('describes what went wrong, and nothing when it went right', () => {
    expect(describeAttempt({ status: 200 })).toBeNull();
    expect(describeAttempt({ status: 500 })).toBe('HTTP 500');
    expect(describeAttempt({ error: 'x'.repeat(600) })).toHaveLength(500);
  });
});
