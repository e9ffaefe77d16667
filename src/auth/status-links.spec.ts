import { StatusLinks } from './status-links.js';

const claim = {
  ticketId: '4b1f0c2e-5a7d-4e1b-9c3a-2f6d8e0a1b2c',
  customerId: '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9a8b7c6d',
  expiresAt: new Date('2026-12-27T09:00:00Z'),
};
const links = new StatusLinks('a-secret-of-at-least-thirty-two-characters!');
const before = new Date('2026-12-01T00:00:00Z');

describe('status links', () => {
  it('opens what it issued until it expires', () => {
    const token = links.issue(claim);
    expect(links.check(token, before)).toEqual({ valid: true, claim });
    expect(links.check(token, new Date('2026-12-27T09:00:00Z'))).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a token with any part changed, or signed under another secret', () => {
    const token = links.issue(claim);
    const [ticket, customer, expires, signature] = token.split('.');
    const otherTicket = claim.customerId;
    for (const tampered of [
      [otherTicket, customer, expires, signature],
      [ticket, ticket, expires, signature],
      [ticket, customer, String(Number(expires) + 86_400), signature],
      [ticket, customer, expires, `${signature.slice(0, -1)}A`],
      [ticket, customer, expires],
    ]) {
      expect(links.check(tampered.join('.'), before)).toEqual({ valid: false, reason: 'invalid' });
    }
    const other = new StatusLinks('another-secret-of-at-least-thirty-two-chars');
    expect(other.check(token, before)).toEqual({ valid: false, reason: 'invalid' });
    expect(links.check('', before)).toEqual({ valid: false, reason: 'invalid' });
  });
});
