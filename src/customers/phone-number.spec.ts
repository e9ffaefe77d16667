import { toE164 } from './phone-number.js';

describe('toE164', () => {
  it('reads Vietnamese national numbers by default', () => {
    expect(toE164('0901 234 567', null)).toBe('+84901234567');
    expect(toE164('090-123-4567', 'VN')).toBe('+84901234567');
  });

  it('keeps international numbers of overseas customers', () => {
    expect(toE164('+1 (408) 555-0199', 'US')).toBe('+14085550199');
    expect(toE164('+84 28 3823 4567', 'US')).toBe('+842838234567');
  });

  it('reads national numbers in the given country', () => {
    expect(toE164('(408) 555-0199', 'US')).toBe('+14085550199');
  });

  it('rejects what is not a phone number', () => {
    expect(toE164('12', null)).toBeNull();
    expect(toE164('not a phone', 'VN')).toBeNull();
  });
});
