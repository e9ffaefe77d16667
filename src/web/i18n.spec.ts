import { pickLanguage, translator } from './i18n.js';

describe('page language', () => {
  it('takes an explicit choice first, then the browser’s preference in order, then Vietnamese', () => {
    expect(pickLanguage('en', 'vi-VN,vi;q=0.9')).toBe('en');
    expect(pickLanguage(undefined, 'fr-FR,en-AU;q=0.8,vi;q=0.5')).toBe('en');
    expect(pickLanguage(undefined, 'en;q=0.4, vi-VN;q=0.9')).toBe('vi');
    expect(pickLanguage('de', 'de-DE')).toBe('vi');
    expect(pickLanguage(undefined, undefined)).toBe('vi');
    expect(pickLanguage(undefined, 'en;q=0')).toBe('vi');
    // On the customer's own ticket, their stored preference comes before the default.
    expect(pickLanguage(undefined, 'fr-FR,de;q=0.8', 'en')).toBe('en');
    expect(pickLanguage(undefined, 'vi-VN', 'en')).toBe('vi');
    expect(pickLanguage('vi', 'en-US', 'en')).toBe('vi');
  });

  it('fills placeholders in each language', () => {
    expect(translator('vi')('status.title', { number: 'OT#100231' })).toBe('Yêu cầu OT#100231');
    expect(translator('en')('status.title', { number: 'OT#100231' })).toBe('Request OT#100231');
  });

  it('shows a key built from data that has no words yet as the key, not an error', () => {
    expect(translator('en')('label.state.archived' as never)).toBe('label.state.archived');
  });
});
