import { maskEmails, maskUrl } from './logging.js';

describe('maskEmails', () => {
  it('masks addresses in free text and URLs', () => {
    expect(maskEmails('GET /api/v1/customers?email=nguyen.van.a@example.com')).toBe(
      'GET /api/v1/customers?email=n***@example.com',
    );
    expect(maskEmails('from lan@offtrack.vn and bob+tour@mail.co.uk')).toBe(
      'from l***@offtrack.vn and b***@mail.co.uk',
    );
  });

  it('leaves text without addresses alone', () => {
    expect(maskEmails('ticket OT#100231 created')).toBe('ticket OT#100231 created');
  });
});

describe('maskUrl', () => {
  it('masks percent-encoded addresses in query strings', () => {
    expect(maskUrl('/api/v1/customers?email=secret.person%40example.vn')).toBe(
      '/api/v1/customers?email=s***@example.vn',
    );
  });

  it('hides the signed token of a customer status link', () => {
    expect(maskUrl('/status/4b1f.9d8c.1798000000.c2lnbmF0dXJl/replies?sent=1')).toBe(
      '/status/[link]/replies?sent=1',
    );
    expect(maskUrl('/status')).toBe('/status');
  });

  it('still masks a URL with a malformed escape', () => {
    expect(maskUrl('/x?email=a.b@c.vn&bad=%E0%A4%A')).toBe('/x?email=a***@c.vn&bad=%E0%A4%A');
  });
});
