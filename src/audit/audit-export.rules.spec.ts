import { auditCsvHeader, auditCsvLine, csvField, UTF8_BOM } from './audit-export.rules.js';

describe('audit CSV', () => {
  it('starts with the byte order mark and the header row', () => {
    expect(auditCsvHeader().startsWith(`${UTF8_BOM}seq,occurred_at_utc,occurred_at_local,`)).toBe(true);
    expect(auditCsvHeader().endsWith('hash\r\n')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('keeps a spreadsheet from running a value as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+84901234567')).toBe("'+84901234567");
  });

  it('gives the time in UTC and in the desk zone', () => {
    const line = auditCsvLine(
      {
        seq: 7,
        occurredAt: new Date('2026-12-04T18:30:00.000Z'),
        actorType: 'agent',
        actorId: 'a1',
        action: 'customer.update',
        recordType: 'customer',
        recordId: 'c1',
        fields: '{"displayName":["Nguyễn Văn A","Nguyễn Văn Ánh"]}',
        reason: 'khách yêu cầu',
        requestId: null,
        redactedAt: null,
        hash: 'h',
      },
      'Asia/Ho_Chi_Minh',
    );
    expect(line).toBe(
      '7,2026-12-04T18:30:00.000Z,2026-12-05T01:30:00.000+07:00,agent,a1,customer.update,customer,c1,' +
        '"{""displayName"":[""Nguyễn Văn A"",""Nguyễn Văn Ánh""]}",khách yêu cầu,,no,h\r\n',
    );
  });

  it('leaves seq and hash empty for an event not sealed yet', () => {
    const line = auditCsvLine(
      {
        seq: null,
        occurredAt: new Date('2026-12-04T18:30:00.000Z'),
        actorType: 'system',
        actorId: null,
        action: 'customer.read',
        recordType: 'customer',
        recordId: 'c1',
        fields: null,
        reason: null,
        requestId: null,
        redactedAt: null,
        hash: null,
      },
      'Asia/Ho_Chi_Minh',
    );
    expect(line).toBe(
      ',2026-12-04T18:30:00.000Z,2026-12-05T01:30:00.000+07:00,system,,customer.read,customer,c1,,,,no,\r\n',
    );
  });
});
