import { maskEmails } from './logging.js';

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
