import { fillTemplate } from '../../mail/outbound/delivery.rules.js';
import type { Language } from '../../tickets/ticket.entity.js';

const COMPENSATION_LETTER = ['customerName', 'ticketNumber', 'amount', 'reason', 'note'] as const;
const TRANSACTION_LETTER = ['customerName', 'ticketNumber', 'bookingReference'] as const;
const CANCELLATION_LETTER = [
  'customerName',
  'ticketNumber',
  'bookingReference',
  'productName',
  'departureDate',
  'requestDate',
  'timing',
  'price',
  'penaltyPercent',
  'quotedPenaltyAmount',
  'penaltyAmount',
  'refundAmount',
  'reason',
] as const;

/**
 * The blanks each automatic mail is sent with, as its sender fills them (intake, merge, routing, SLA sweep).
 * A blank the sender does not fill stays in the mail as typed, so the editor warns about it.
 */
export const MAIL_TEMPLATE_PLACEHOLDERS: Record<string, readonly string[]> = {
  acknowledgement: ['customerName', 'ticketNumber', 'subject', 'statusUrl'],
  merge_notice: ['customerName', 'sourceNumber', 'ticketNumber'],
  supervisor_alert: ['ticketNumber', 'subject', 'queueName', 'rule'],
  sla_warning: ['ticketNumber', 'subject', 'target', 'dueAt', 'queueName'],
  sla_breach: ['ticketNumber', 'subject', 'target', 'dueAt', 'queueName'],
  compensation_approved: COMPENSATION_LETTER,
  compensation_rejected: COMPENSATION_LETTER,
  cancellation_accepted: CANCELLATION_LETTER,
  cancellation_reduced: CANCELLATION_LETTER,
  cancellation_waived: CANCELLATION_LETTER,
  cancellation_refused: CANCELLATION_LETTER,
  transaction_suspended: TRANSACTION_LETTER,
  transaction_verified_legitimate: TRANSACTION_LETTER,
  transaction_confirmed_fraud: TRANSACTION_LETTER,
  incident_due_soon: ['title', 'obligation', 'dueAt', 'timeLeft'],
  incident_overdue: ['title', 'obligation', 'dueAt', 'timeLeft'],
  data_request_verification: ['customerName', 'ticketNumber', 'requestType', 'dueAt', 'verifyUrl'],
  data_request_extended: ['customerName', 'ticketNumber', 'requestType', 'dueAt', 'reason'],
  data_request_completed: ['customerName', 'ticketNumber', 'requestType', 'outcome'],
  data_request_refused: ['customerName', 'ticketNumber', 'requestType', 'outcome'],
  data_request_corrected: ['customerName', 'ticketNumber', 'requestType', 'changes'],
  data_request_restriction_lifted: ['customerName', 'ticketNumber', 'requestType', 'reason'],
  marketing_unsubscribed: ['customerName'],
  data_request_due_soon: ['ticketNumber', 'requestType', 'dueAt', 'state'],
  data_request_overdue: ['ticketNumber', 'requestType', 'dueAt', 'state'],
};

/** What CannedResponsesService.filled() puts into a canned response. */
export const CANNED_RESPONSE_PLACEHOLDERS: readonly string[] = ['customerName', 'ticketNumber', 'agentName'];

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The blanks a text uses, each once, in the order they first appear. */
export function placeholdersIn(...texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1])))];
}

/** Blanks in the texts that nothing fills: typos, or blanks copied from another mail. */
export function unknownPlaceholders(texts: string[], supported: readonly string[]): string[] {
  return placeholdersIn(...texts).filter((name) => !supported.includes(name));
}

/** The blanks of a mail template: the known ones, or (for a mail this page does not know) those it uses. */
export function supportedPlaceholders(key: string, ...texts: string[]): readonly string[] {
  return MAIL_TEMPLATE_PLACEHOLDERS[key] ?? placeholdersIn(...texts);
}

/** Made-up values for a preview, in the template's language, so an admin sees a mail as a customer would. */
export function sampleValues(
  language: Language,
  context: { publicUrl: string; dueAt: string; agentName: string },
): Record<string, string> {
  const vi = language === 'vi';
  return {
    customerName: vi ? 'Nguyễn Thị Hương' : 'Emily Carter',
    ticketNumber: 'OT#100231',
    sourceNumber: 'OT#100230',
    subject: vi ? 'Hoàn tiền tour Đà Lạt <3 ngày>' : 'Refund for the Da Lat tour <3 days>',
    statusUrl: `${context.publicUrl}/status/…`,
    queueName: vi ? 'Thanh toán & gian lận' : 'Payments & fraud',
    rule: vi ? 'Gian lận: chuyển ngay' : 'Fraud: move at once',
    target: vi ? 'phản hồi đầu tiên' : 'first response',
    dueAt: context.dueAt,
    agentName: context.agentName,
    amount: vi ? '1.500.000 đ' : '1,500,000 VND',
    note: vi ? 'Quý khách bị trừ tiền hai lần ngày 02/12.' : 'You were charged twice on 2 December.',
    reason: vi ? 'trừ tiền hai lần' : 'double charge',
    bookingReference: 'OTV-2026-001234',
    productName: vi ? 'Tour nhiều ngày' : 'Multi-day tour',
    departureDate: vi ? '20/07/2026' : '20 July 2026',
    requestDate: vi ? '01/07/2026' : '1 July 2026',
    timing: vi ? '19 ngày trước ngày khởi hành' : '19 days before departure',
    price: vi ? '12.345.678 đ' : '12,345,678 VND',
    penaltyPercent: '20',
    quotedPenaltyAmount: vi ? '2.469.135 đ' : '2,469,135 VND',
    penaltyAmount: vi ? '2.469.135 đ' : '2,469,135 VND',
    refundAmount: vi ? '9.876.543 đ' : '9,876,543 VND',
    title: vi
      ? 'Lộ danh sách khách hàng qua e-mail gửi nhầm'
      : 'Customer list exposed by a misaddressed e-mail',
    obligation: vi ? 'thông báo vi phạm dữ liệu cá nhân trong 72 giờ' : '72-hour personal-data breach notice',
    timeLeft: vi ? 'còn 2 giờ' : '2 hours left',
    requestType: vi ? 'Nhận bản sao dữ liệu cá nhân' : 'receive a copy of your personal data',
    verifyUrl: `${context.publicUrl}/privacy/requests/…`,
    outcome: vi ? 'Chúng tôi đã gửi bản sao dữ liệu qua đường dẫn.' : 'We sent the copy through the link.',
    changes: vi ? '- displayName: "Nguyễn Thị Hương"' : '- displayName: "Emily Carter"',
    state: vi ? 'đang xử lý' : 'in progress',
  };
}

/** A template's subject and text with the sample values in; unknown blanks stay visible. */
export function preview(
  subject: string,
  bodyText: string,
  values: Record<string, string>,
): { subject: string; bodyText: string } {
  return { subject: fillTemplate(subject, values), bodyText: fillTemplate(bodyText, values) };
}

/** What an editor shows beside a text: its blanks, those nothing fills, and the text with sample values in. */
export function editorAid(
  subject: string,
  bodyText: string,
  supported: readonly string[],
  values: Record<string, string>,
) {
  return {
    placeholders: supported,
    unknownPlaceholders: unknownPlaceholders([subject, bodyText], supported),
    preview: preview(subject, bodyText, values),
  };
}
