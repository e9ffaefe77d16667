import { maskEmails, maskPersonalData, maskUrl } from './logging.js';

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

  it('hides the signed token of an unsubscribe link', () => {
    expect(maskUrl('/unsubscribe/one-click?token=3f2b8c1e-6d1a-4c2e-9a51-0b7f4e2d9c10.c2ln&lang=en')).toBe(
      '/unsubscribe/one-click?token=[link]&lang=en',
    );
    expect(maskUrl('/unsubscribe?lang=vi&token=abc.def')).toBe('/unsubscribe?lang=vi&token=[link]');
  });

  it('still masks a URL with a malformed escape', () => {
    expect(maskUrl('/x?email=a.b@c.vn&bad=%E0%A4%A')).toBe('/x?email=a***@c.vn&bad=%E0%A4%A');
  });
});

describe('maskPersonalData', () => {
  it('masks phone numbers, in international and national forms, down to their last three digits', () => {
    expect(maskUrl('/api/v1/customers?phone=+84912345678')).toBe('/api/v1/customers?phone=+***678');
    expect(maskUrl('/api/v1/customers?phone=%2B84%20912%20345%20678')).toBe(
      '/api/v1/customers?phone=+***678',
    );
    expect(maskPersonalData('call 0912 345 678 or 0912.345.678 or +1 415 555 0100')).toBe(
      'call ***678 or ***678 or +***100',
    );
  });

  it('leaves ids, dates, ticket numbers and short numbers alone', () => {
    const text =
      '/api/v1/tickets/345c38be-8262-4093-b79d-03372f5ca080?dueBefore=2026-12-04T10:00:00Z&from=2026-01-01 OT#100231 OTV-2026-001234 limit=50&amount=1500000';
    expect(maskPersonalData(text)).toBe(text);
  });
});
