import { UnsubscribeLinks } from './unsubscribe-links.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const CUSTOMER = '3f2b8c1e-6d1a-4c2e-9a51-0b7f4e2d9c10';

describe('unsubscribe links', () => {
  const links = new UnsubscribeLinks(SECRET);

  it('names the customer it was issued for, with no expiry', () => {
    expect(links.customerOf(links.issue(CUSTOMER))).toBe(CUSTOMER);
  });

  it('refuses a token for another customer with the same signature', () => {
    const [, signature] = links.issue(CUSTOMER).split('.');
    expect(links.customerOf(`9a1d2c3e-6d1a-4c2e-9a51-0b7f4e2d9c10.${signature}`)).toBeNull();
  });

  it('refuses a token signed under another secret', () => {
    const other = new UnsubscribeLinks('another-secret-of-at-least-thirty-two-chars');
    expect(links.customerOf(other.issue(CUSTOMER))).toBeNull();
  });

  it('refuses malformed tokens', () => {
    const token = links.issue(CUSTOMER);
    for (const bad of [
      '',
      CUSTOMER,
      `${token}.x`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      `not-an-id.${token.split('.')[1]}`,
    ]) {
      expect(links.customerOf(bad)).toBeNull();
    }
  });

  it('does not accept a status-link token for the same customer', () => {
    expect(links.customerOf(`${CUSTOMER}.${'A'.repeat(43)}`)).toBeNull();
  });
});
