import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** How long a status link works; a customer can ask for a fresh one at any time. */
export const STATUS_LINK_DAYS = 30;

export function statusLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + STATUS_LINK_DAYS * 86_400_000);
}

export interface StatusLinkClaim {
  ticketId: string;
  customerId: string;
  expiresAt: Date;
}

export type StatusLinkCheck =
  { valid: true; claim: StatusLinkClaim } | { valid: false; reason: 'invalid' | 'expired' };

/**
 * Customers have no accounts: a ticket's status page opens with a signed, expiring link. The token is
 * "<ticket>.<customer>.<expiry seconds>.<HMAC-SHA256>" under a key derived from APP_SECRET, so it needs no
 * table, cannot be altered, and stops working when it expires.
 */
export class StatusLinks {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'offtrack-care', 'customer-status-link', 32));
  }

  issue(claim: StatusLinkClaim): string {
    const payload = `${claim.ticketId}.${claim.customerId}.${Math.floor(claim.expiresAt.getTime() / 1000)}`;
    return `${payload}.${this.sign(payload)}`;
  }

  check(token: string, now: Date): StatusLinkCheck {
    const parts = token.split('.');
    if (parts.length !== 4) return { valid: false, reason: 'invalid' };
    const [ticketId, customerId, expires, signature] = parts;
    const expected = Buffer.from(this.sign(`${ticketId}.${customerId}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || !/^\d+$/.test(expires)) {
      return { valid: false, reason: 'invalid' };
    }
    const expiresAt = new Date(Number(expires) * 1000);
    if (expiresAt <= now) return { valid: false, reason: 'expired' };
    return { valid: true, claim: { ticketId, customerId, expiresAt } };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
