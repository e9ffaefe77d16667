import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const CUSTOMER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The token in every newsletter's unsubscribe link: "<customer id>.<HMAC-SHA256>" under a key derived from
 * APP_SECRET. It never expires: RFC 8058 one-click links are followed months after the mail was sent, and
 * all a token can do is stop the newsletter. It opens nothing about the customer.
 */
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'offtrack-care', 'newsletter-unsubscribe-link', 32));
  }

  issue(customerId: string): string {
    return `${customerId}.${this.sign(customerId)}`;
  }

  /** The customer the token was issued for, or null when it was not issued by us (or was altered). */
  customerOf(token: string): string | null {
    const parts = token.split('.');
    if (parts.length !== 2 || !CUSTOMER_ID.test(parts[0])) return null;
    const expected = Buffer.from(this.sign(parts[0]));
    const given = Buffer.from(parts[1]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return parts[0];
  }

  private sign(customerId: string): string {
    return createHmac('sha256', this.key).update(customerId).digest('base64url');
  }
}
