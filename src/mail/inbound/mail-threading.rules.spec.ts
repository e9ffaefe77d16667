import { normalizeMessageId, parseMessageIds } from './mail-threading.rules.js';

describe('normalizeMessageId', () => {
  it('keeps a well-formed id as it is', () => {
    expect(normalizeMessageId('<CAF=x+Yq1@mail.gmail.com>')).toBe('<CAF=x+Yq1@mail.gmail.com>');
  });

  it('lower-cases the domain but keeps the case of the local part', () => {
    expect(normalizeMessageId('<AbC.123@Mail.Example.COM>')).toBe('<AbC.123@mail.example.com>');
  });

  it('adds the angle brackets a sloppy mailer left out, and trims', () => {
    expect(normalizeMessageId('  abc123@offtrack.test \r\n')).toBe('<abc123@offtrack.test>');
  });

  it('drops white space folded into the id', () => {
    expect(normalizeMessageId('<abc\r\n 123@host.example>')).toBe('<abc123@host.example>');
  });

  it('reads the first bracketed id when text surrounds it', () => {
    expect(normalizeMessageId('<a1@x.test> (added by postmaster@x.test)')).toBe('<a1@x.test>');
  });

  it('splits on the last @ so a quoted local part keeps its own @', () => {
    expect(normalizeMessageId('<"a@b"@Example.org>')).toBe('<"a@b"@example.org>');
  });

  it('refuses empty and garbage values', () => {
    expect(normalizeMessageId('')).toBeNull();
    expect(normalizeMessageId('   ')).toBeNull();
    expect(normalizeMessageId('<>')).toBeNull();
    expect(normalizeMessageId('<no-at-sign>')).toBeNull();
    expect(normalizeMessageId('<@example.com>')).toBeNull();
    expect(normalizeMessageId('<abc@>')).toBeNull();
    expect(normalizeMessageId('abc@exa(mple).com')).toBeNull();
  });
});

describe('parseMessageIds', () => {
  it('reads a single In-Reply-To', () => {
    expect(parseMessageIds('<0f3a9c@offtrack.test>')).toEqual(['<0f3a9c@offtrack.test>']);
  });

  it('reads a folded References header in order', () => {
    const references = '<a1@mail.gmail.com>\r\n <b2@Outlook.COM>\r\n\t<c3@offtrack.test>';
    expect(parseMessageIds(references)).toEqual([
      '<a1@mail.gmail.com>',
      '<b2@outlook.com>',
      '<c3@offtrack.test>',
    ]);
  });

  it('reads ids written without spaces between them', () => {
    expect(parseMessageIds('<a1@x.test><b2@x.test>')).toEqual(['<a1@x.test>', '<b2@x.test>']);
  });

  it('keeps each id once, comparing after normalisation', () => {
    expect(parseMessageIds('<a1@X.test> <b2@x.test> <a1@x.TEST>')).toEqual(['<a1@x.test>', '<b2@x.test>']);
  });

  it('keeps ids whose local parts differ only in case apart', () => {
    expect(parseMessageIds('<Ab@x.test> <ab@x.test>')).toEqual(['<Ab@x.test>', '<ab@x.test>']);
  });

  it('ignores the junk old mailers put around the id', () => {
    expect(
      parseMessageIds('Your message of "Mon, 1 Jan 2024 10:00:00 +0700" <20240101.abc@mx.example.vn>'),
    ).toEqual(['<20240101.abc@mx.example.vn>']);
  });

  it('ignores a bare address in a comment when bracketed ids are present', () => {
    expect(parseMessageIds('<a1@x.test> (from lan.nguyen@example.vn)')).toEqual(['<a1@x.test>']);
  });

  it('reads bare ids when the value has no brackets at all', () => {
    expect(parseMessageIds('a1@x.test, b2@Y.test')).toEqual(['<a1@x.test>', '<b2@y.test>']);
  });

  it('joins the values of a repeated header', () => {
    expect(parseMessageIds(['<a1@x.test>', '<b2@x.test> <a1@x.test>'])).toEqual([
      '<a1@x.test>',
      '<b2@x.test>',
    ]);
  });

  it('skips garbage entries and keeps the good ones', () => {
    expect(parseMessageIds('<> <not-an-id> <ok@x.test>')).toEqual(['<ok@x.test>']);
  });

  it('gives nothing for a missing or empty header', () => {
    expect(parseMessageIds(undefined)).toEqual([]);
    expect(parseMessageIds(null)).toEqual([]);
    expect(parseMessageIds('')).toEqual([]);
    expect(parseMessageIds([])).toEqual([]);
    expect(parseMessageIds('   \r\n ')).toEqual([]);
  });
});
