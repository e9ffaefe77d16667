import { newsletterMail } from './newsletter.rules.js';

const ISSUE = {
  purpose: 'newsletter' as const,
  subjectVi: 'Bản tin tháng 12',
  subjectEn: 'December newsletter',
  textVi: 'Tour Tết 2027 đã mở bán.',
  textEn: 'Tết 2027 tours are on sale.',
  htmlVi: '<p>Tour Tết 2027 đã mở bán.</p>',
};
const LINKS = {
  pageUrl: 'https://care.example/unsubscribe?token=abc.def',
  oneClickUrl: 'https://care.example/unsubscribe/one-click?token=abc.def',
  mailto: 'care@offtrack.test',
};

describe('a customer copy of a newsletter issue', () => {
  it('is in the customer language with a visible unsubscribe link in text and HTML', () => {
    const vi = newsletterMail(ISSUE, 'vi', LINKS);
    expect(vi.subject).toBe('Bản tin tháng 12');
    expect(vi.bodyText).toContain('Tour Tết 2027 đã mở bán.');
    expect(vi.bodyText).toContain(`Hủy đăng ký (một lần bấm, không cần đăng nhập): ${LINKS.pageUrl}`);
    expect(vi.bodyHtml).toContain('<a href="https://care.example/unsubscribe?token=abc.def">Hủy đăng ký');
    const en = newsletterMail(ISSUE, 'en', LINKS);
    expect(en.subject).toBe('December newsletter');
    expect(en.bodyText).toContain(`Unsubscribe (one click, no sign-in): ${LINKS.pageUrl}`);
    expect(en.bodyHtml).toBeNull();
  });

  it('says why the customer gets it: the newsletter they signed up for, or the marketing they agreed to', () => {
    expect(newsletterMail(ISSUE, 'en', LINKS).bodyText).toContain(
      'signed up for the Offtrack Travel newsletter',
    );
    const marketing = newsletterMail({ ...ISSUE, purpose: 'marketing' }, 'vi', LINKS);
    expect(marketing.bodyText).toContain('đã đồng ý nhận thư tiếp thị');
    expect(marketing.bodyHtml).toContain('đã đồng ý nhận thư tiếp thị');
    expect(marketing.bodyText).not.toContain('bản tin');
  });

  it('carries the RFC 8058 headers: one-click URL first, then mailto', () => {
    expect(newsletterMail(ISSUE, 'en', LINKS).headers).toEqual({
      'List-Unsubscribe':
        '<https://care.example/unsubscribe/one-click?token=abc.def>, <mailto:care@offtrack.test?subject=unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
