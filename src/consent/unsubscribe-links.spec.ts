import { createHmac, hkdfSync } from 'node:crypto';
import { UnsubscribeLinks } from './unsubscribe-links.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const CUSTOMER = '3f2b8c1e-6d1a-4c2e-9a51-0b7f4e2d9c10';
const OTHER = '9a1d2c3e-6d1a-4c2e-9a51-0b7f4e2d9c10';

/** A token as newsletters carried it before purposes were signed: "<customer id>.<HMAC of the id>". */
function firstFormToken(secret: string, customerId: string): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'offtrack-care', 'newsletter-unsubscribe-link', 32));
  return `${customerId}.${createHmac('sha256', key).update(customerId).digest('base64url')}`;
}

describe('unsubscribe links', () => {
  const links = new UnsubscribeLinks(SECRET);

  it('names the customer and the purpose it was issued for, with no expiry', () => {
    expect(links.read(links.issue(CUSTOMER, 'newsletter'))).toEqual({
      customerId: CUSTOMER,
      purpose: 'newsletter',
    });
    expect(links.read(links.issue(CUSTOMER, 'marketing'))).toEqual({
      customerId: CUSTOMER,
      purpose: 'marketing',
    });
  });

  it('still reads a token of the first form, sent in earlier newsletters, as the newsletter', () => {
    expect(links.read(firstFormToken(SECRET, CUSTOMER))).toEqual({
      customerId: CUSTOMER,
      purpose: 'newsletter',
    });
    expect(links.read(firstFormToken('another-secret-of-at-least-thirty-two-chars', CUSTOMER))).toBeNull();
  });

  it('refuses a token whose purpose was changed: a newsletter link cannot stop marketing, nor the reverse', () => {
    const [id, , signature] = links.issue(CUSTOMER, 'newsletter').split('.');
    expect(links.read(`${id}.marketing.${signature}`)).toBeNull();
    const [, , marketingSignature] = links.issue(CUSTOMER, 'marketing').split('.');
    expect(links.read(`${id}.newsletter.${marketingSignature}`)).toBeNull();
  });

  it('refuses a first-form signature carried over into the new form, and the reverse', () => {
    const [, oldSignature] = firstFormToken(SECRET, CUSTOMER).split('.');
    expect(links.read(`${CUSTOMER}.newsletter.${oldSignature}`)).toBeNull();
    const [, , newSignature] = links.issue(CUSTOMER, 'newsletter').split('.');
    expect(links.read(`${CUSTOMER}.${newSignature}`)).toBeNull();
  });

  it('refuses a token for another customer with the same signature', () => {
    const [, purpose, signature] = links.issue(CUSTOMER, 'marketing').split('.');
    expect(links.read(`${OTHER}.${purpose}.${signature}`)).toBeNull();
  });

  it('refuses a token signed under another secret', () => {
    const other = new UnsubscribeLinks('another-secret-of-at-least-thirty-two-chars');
    expect(links.read(other.issue(CUSTOMER, 'marketing'))).toBeNull();
  });

  it('refuses purposes that cannot be unsubscribed from, and malformed tokens', () => {
    const token = links.issue(CUSTOMER, 'marketing');
    const [, , signature] = token.split('.');
    for (const bad of [
      '',
      CUSTOMER,
      `${token}.x`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      `not-an-id.marketing.${signature}`,
      `${CUSTOMER}.service.${signature}`,
      `${CUSTOMER}..${signature}`,
    ]) {
      expect(links.read(bad)).toBeNull();
    }
  });

  it('does not accept a status-link token for the same customer', () => {
    expect(links.read(`${CUSTOMER}.${'A'.repeat(43)}`)).toBeNull();
  });
});
