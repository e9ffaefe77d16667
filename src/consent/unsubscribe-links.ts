import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const CUSTOMER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a customer can stop with one click; the service consent is not a mailing list. */
export const UNSUBSCRIBE_PURPOSES = ['newsletter', 'marketing'] as const;
export type UnsubscribePurpose = (typeof UNSUBSCRIBE_PURPOSES)[number];

export interface UnsubscribeTarget {
  customerId: string;
  purpose: UnsubscribePurpose;
}

const isUnsubscribePurpose = (value: string): value is UnsubscribePurpose =>
  (UNSUBSCRIBE_PURPOSES as readonly string[]).includes(value);

/**
 * The token in every newsletter's and marketing mail's unsubscribe link: "<customer id>.<purpose>.<HMAC-SHA256
 * of both>" under a key derived from APP_SECRET, so a token stops only the purpose it was sent for. Tokens of
 * the first form, "<customer id>.<HMAC of the id>", are still in customers' inboxes and mean the newsletter.
 * They never expire: RFC 8058 one-click links are followed months after the mail was sent, and all a token
 * can do is stop one kind of mail. It opens nothing about the customer.
 */
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'offtrack-care', 'newsletter-unsubscribe-link', 32));
  }

  issue(customerId: string, purpose: UnsubscribePurpose): string {
    const signed = `${customerId}.${purpose}`;
    return `${signed}.${this.sign(signed)}`;
  }

  /** The customer and purpose the token was issued for, or null when it was not issued by us (or was altered). */
  read(token: string): UnsubscribeTarget | null {
    const parts = token.split('.');
    if (!CUSTOMER_ID.test(parts[0])) return null;
    if (parts.length === 2)
      return this.verify(parts[0], parts[1]) ? { customerId: parts[0], purpose: 'newsletter' } : null;
    if (parts.length !== 3 || !isUnsubscribePurpose(parts[1])) return null;
    return this.verify(`${parts[0]}.${parts[1]}`, parts[2])
      ? { customerId: parts[0], purpose: parts[1] }
      : null;
  }

  private verify(signed: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(signed));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(signed: string): string {
    return createHmac('sha256', this.key).update(signed).digest('base64url');
  }
}
