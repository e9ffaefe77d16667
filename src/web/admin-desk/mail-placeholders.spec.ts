import {
  MAIL_TEMPLATE_PLACEHOLDERS,
  editorAid,
  placeholdersIn,
  sampleValues,
  supportedPlaceholders,
  unknownPlaceholders,
} from './mail-placeholders.js';

describe('mail template blanks', () => {
  it('finds each blank once, in order, spaces inside the braces allowed', () => {
    expect(
      placeholdersIn('{{ticketNumber}}: {{ subject }}', 'Dear {{customerName}}, {{ticketNumber}}'),
    ).toEqual(['ticketNumber', 'subject', 'customerName']);
    expect(placeholdersIn('no blanks, {single} braces')).toEqual([]);
  });

  it('flags blanks nothing fills', () => {
    expect(unknownPlaceholders(['{{customerName}} {{custmerName}}'], ['customerName'])).toEqual([
      'custmerName',
    ]);
  });

  it('knows the blanks of each automatic mail, and falls back to those a new mail uses', () => {
    expect(supportedPlaceholders('acknowledgement')).toContain('statusUrl');
    expect(supportedPlaceholders('merge_notice')).toContain('sourceNumber');
    expect(supportedPlaceholders('future_mail', 'Hi {{who}}', '{{what}}')).toEqual(['who', 'what']);
  });

  it('fills a preview with sample values in the template language and leaves unknown blanks visible', () => {
    const context = {
      publicUrl: 'https://care.offtrack.vn',
      dueAt: '27/11/2026 16:00 (GMT+7)',
      agentName: 'Lan',
    };
    const aid = editorAid(
      'Đã nhận: {{subject}}',
      'Kính gửi {{customerName}}, {{statusUrl}} {{oops}}',
      ['subject', 'customerName', 'statusUrl'],
      sampleValues('vi', context),
    );
    expect(aid.preview.subject).toBe('Đã nhận: Hoàn tiền tour Đà Lạt <3 ngày>');
    expect(aid.preview.bodyText).toBe(
      'Kính gửi Nguyễn Thị Hương, https://care.offtrack.vn/status/… {{oops}}',
    );
    expect(aid.unknownPlaceholders).toEqual(['oops']);
    expect(sampleValues('en', context).customerName).toBe('Emily Carter');
  });

  it('has a sample value for every blank of every mail it knows, in both languages', () => {
    const context = { publicUrl: 'https://care.offtrack.vn', dueAt: '05/12/2026 17:00', agentName: 'Lan' };
    for (const language of ['vi', 'en'] as const) {
      const samples = sampleValues(language, context);
      const missing = Object.values(MAIL_TEMPLATE_PLACEHOLDERS)
        .flat()
        .filter((name) => !samples[name]);
      expect(missing).toEqual([]);
    }
  });
});
