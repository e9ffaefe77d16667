import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('an app secret that is long enough for tests', 'mailbox-password');

  it('opens what it sealed, and never shows the plaintext', () => {
    const sealed = box.seal('mật khẩu IMAP');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('IMAP');
    expect(box.open(sealed)).toBe('mật khẩu IMAP');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered value or another key', () => {
    const sealed = box.seal('secret');
    // The character replaced must differ from the one there (1 time in 64 it was already 'A').
    const tampered = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.slice(-1);
    expect(tampered).not.toBe(sealed);
    expect(() => box.open(tampered)).toThrow();
    expect(() =>
      new SecretBox('another app secret, also long enough', 'mailbox-password').open(sealed),
    ).toThrow();
    expect(() =>
      new SecretBox('an app secret that is long enough for tests', 'other purpose').open(sealed),
    ).toThrow();
  });
});
