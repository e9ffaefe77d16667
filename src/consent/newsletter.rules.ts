import type { UnsubscribePurpose } from './unsubscribe-links.js';

export interface NewsletterIssue {
  purpose: UnsubscribePurpose;
  subjectVi: string;
  subjectEn: string;
  textVi: string;
  textEn: string;
  htmlVi?: string | null;
  htmlEn?: string | null;
}

export interface NewsletterMail {
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  headers: Record<string, string>;
}

const WHY: Record<UnsubscribePurpose, { vi: string; en: string }> = {
  newsletter: {
    vi: 'Quý khách nhận thư này vì đã đăng ký nhận bản tin của Offtrack Travel.',
    en: 'You are receiving this because you signed up for the Offtrack Travel newsletter.',
  },
  marketing: {
    vi: 'Quý khách nhận thư này vì đã đồng ý nhận thư tiếp thị (ưu đãi, khuyến mãi) của Offtrack Travel.',
    en: 'You are receiving this because you agreed to receive marketing mail (offers, promotions) from Offtrack Travel.',
  },
};
const STOP = {
  vi: 'Hủy đăng ký (một lần bấm, không cần đăng nhập)',
  en: 'Unsubscribe (one click, no sign-in)',
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

/**
 * One customer's copy of an issue (newsletter or marketing mail), in their language, saying why they get it, with a visible unsubscribe link and the RFC 8058
 * headers: List-Unsubscribe names the one-click URL (POSTed by the mail client, no page) and a mailto the
 * desk's intake understands; List-Unsubscribe-Post says the URL takes the one-click POST.
 */
export function newsletterMail(
  issue: NewsletterIssue,
  language: 'vi' | 'en',
  links: { pageUrl: string; oneClickUrl: string; mailto: string },
): NewsletterMail {
  const footer = { why: WHY[issue.purpose][language], stop: STOP[language] };
  const text = language === 'en' ? issue.textEn : issue.textVi;
  const html = language === 'en' ? issue.htmlEn : issue.htmlVi;
  return {
    subject: language === 'en' ? issue.subjectEn : issue.subjectVi,
    bodyText: `${text.trimEnd()}\n\n-- \n${footer.why}\n${footer.stop}: ${links.pageUrl}\n`,
    bodyHtml: html
      ? `${html}\n<hr>\n<p style="font-size:12px;color:#555">${escapeHtml(footer.why)}<br>` +
        `<a href="${escapeHtml(links.pageUrl)}">${escapeHtml(footer.stop)}</a></p>\n`
      : null,
    headers: {
      'List-Unsubscribe': `<${links.oneClickUrl}>, <mailto:${links.mailto}?subject=unsubscribe>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
