import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Role } from '../auth/role.js';
import { Conflict, Forbidden } from '../common/errors/domain-error.js';
import { addWorkingDays, type BusinessCalendar } from '../sla/business-calendar.js';

/** What a data subject may ask for (Law 91/2025 on personal data protection, Decree 356/2025). */
export const DATA_REQUEST_TYPES = [
  'view',
  'copy',
  'correct',
  'delete',
  'withdraw_consent',
  'restrict',
  'object',
] as const;
export type DataRequestType = (typeof DATA_REQUEST_TYPES)[number];

export const DATA_REQUEST_CHANNELS = ['mail', 'form', 'agent'] as const;
export type DataRequestChannel = (typeof DATA_REQUEST_CHANNELS)[number];

/**
 * awaiting_verification → in_progress (the customer opened the link sent to the address on record)
 * → completed | refused. A request can be refused at any point, completed only once verified.
 */
export type DataRequestState = 'awaiting_verification' | 'in_progress' | 'completed' | 'refused';

/** The first answer is due within 2 working days of receipt. */
export const FIRST_REPLY_WORKING_DAYS = 2;

/** Working days from receipt to fulfilment, by type; an extension adds the same period once more. */
export const FULFILMENT_WORKING_DAYS: Record<DataRequestType, number> = {
  view: 10,
  copy: 10,
  correct: 10,
  withdraw_consent: 15,
  restrict: 15,
  object: 15,
  delete: 20,
};

export interface DataRequestDeadlines {
  firstReplyDueAt: Date;
  dueAt: Date;
}

/** Deadlines counted in working days on the desk's business calendar, the day of receipt not counted. */
export function deadlinesFor(
  calendar: BusinessCalendar,
  type: DataRequestType,
  receivedAt: Date,
): DataRequestDeadlines {
  return {
    firstReplyDueAt: addWorkingDays(calendar, receivedAt, FIRST_REPLY_WORKING_DAYS),
    dueAt: addWorkingDays(calendar, receivedAt, FULFILMENT_WORKING_DAYS[type]),
  };
}

/**
 * The deadline after the one extension: the type's period again, counted from the last day of the current
 * one (a deadline is the instant the day after its last counted day begins).
 */
export function extendedDueAt(calendar: BusinessCalendar, type: DataRequestType, dueAt: Date): Date {
  return addWorkingDays(calendar, new Date(dueAt.getTime() - 1), FULFILMENT_WORKING_DAYS[type]);
}

export interface DataRequestFacts {
  type: DataRequestType;
  state: DataRequestState;
  extendedAt: Date | null;
  verifiedAt: Date | null;
}

const isClosed = (request: DataRequestFacts) => request.state === 'completed' || request.state === 'refused';

export function extensionRefusal(request: DataRequestFacts): string | null {
  if (isClosed(request)) return 'The request is closed';
  if (request.extendedAt) return 'The deadline has already been extended once; the law allows one extension';
  return null;
}

/** What stops a request being carried out the way `action` does it. */
export function fulfilmentRefusal(
  request: DataRequestFacts,
  action: 'complete' | 'correct' | 'delete' | 'withdraw_consent',
): string | null {
  if (isClosed(request)) return 'The request is closed';
  if (!request.verifiedAt)
    return 'The customer has not yet confirmed their identity through the link sent to the address on record';
  if (action !== 'complete' && request.type !== action)
    return `This is a "${request.type}" request, not a "${action}" request`;
  if (action === 'complete' && ['correct', 'delete', 'withdraw_consent'].includes(request.type))
    return `A "${request.type}" request is carried out through its own action, which also tells the customer`;
  return null;
}

export function refusalRefusal(request: DataRequestFacts): string | null {
  return isClosed(request) ? 'The request is closed' : null;
}

export function refuseIf(refusal: string | null): void {
  if (refusal) throw new Conflict(refusal);
}

/** Extending a legal deadline or refusing a data subject is a supervisor's call, whichever page asks. */
export function requireSupervisor(actor: { role: Role }, what: string): void {
  if (actor.role === 'agent') throw new Forbidden(`Only supervisors and admins may ${what}`);
}

export const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export type DeadlineStatus = 'met' | 'on_track' | 'due_soon' | 'overdue';

/** Like an SLA target: met once done; otherwise overdue past the deadline, due soon within a day of it. */
export function deadlineStatus(dueAt: Date, doneAt: Date | null, now: Date): DeadlineStatus {
  if (doneAt) return doneAt <= dueAt ? 'met' : 'overdue';
  if (now >= dueAt) return 'overdue';
  return dueAt.getTime() - now.getTime() <= 86_400_000 ? 'due_soon' : 'on_track';
}

/** How a letter names the request: "yêu cầu xem dữ liệu" / "see your data" (after "your request to"). */
const TYPE_IN_WORDS: Record<DataRequestType, { vi: string; en: string }> = {
  view: { vi: 'Xem dữ liệu cá nhân', en: 'see your personal data' },
  copy: { vi: 'Nhận bản sao dữ liệu cá nhân', en: 'receive a copy of your personal data' },
  correct: { vi: 'Chỉnh sửa dữ liệu cá nhân', en: 'correct your personal data' },
  delete: { vi: 'Xóa dữ liệu cá nhân', en: 'delete your personal data' },
  withdraw_consent: { vi: 'Rút lại sự đồng ý', en: 'withdraw your consent' },
  restrict: { vi: 'Hạn chế xử lý dữ liệu cá nhân', en: 'restrict the processing of your personal data' },
  object: { vi: 'Phản đối xử lý dữ liệu cá nhân', en: 'object to the processing of your personal data' },
};

export function typeInWords(type: DataRequestType, language: string): string {
  return TYPE_IN_WORDS[type][language === 'en' ? 'en' : 'vi'];
}

/** The last day of a deadline as the customer reads it: a deadline ends when the next local day begins. */
export function deadlineDay(dueAt: Date, timeZone: string): string {
  return DateTime.fromJSDate(new Date(dueAt.getTime() - 1), { zone: timeZone }).toFormat('dd/MM/yyyy');
}

export type ReminderStage = 'due_soon' | 'overdue';

/** Staff are reminded a day before a request's deadline and once it has passed. */
const DUE_SOON_MS = 86_400_000;

/** The reminder an open request needs at `now`, if any: a late pass sends only the latest stage. */
export function reminderDue(dueAt: Date, sent: ReadonlySet<ReminderStage>, now: Date): ReminderStage | null {
  if (sent.has('overdue')) return null;
  if (now >= dueAt) return 'overdue';
  if (dueAt.getTime() - now.getTime() <= DUE_SOON_MS && !sent.has('due_soon')) return 'due_soon';
  return null;
}

const PURPOSE_IN_WORDS: Record<string, { vi: string; en: string }> = {
  service: { vi: 'xử lý yêu cầu hỗ trợ', en: 'handling your requests' },
  newsletter: { vi: 'bản tin du lịch', en: 'the travel newsletter' },
  marketing: { vi: 'tiếp thị', en: 'marketing' },
};

/** The outcome line of a consent withdrawal, as the customer's letter says it. */
export function consentWithdrawnInWords(purposes: string[], language: string): string {
  const en = language === 'en';
  const names = purposes
    .map((purpose) => PURPOSE_IN_WORDS[purpose]?.[en ? 'en' : 'vi'] ?? purpose)
    .join(', ');
  return en
    ? `We no longer use your data for: ${names}.`
    : `Chúng tôi không còn sử dụng dữ liệu của Quý khách cho: ${names}.`;
}

const KEPT_REASONS: Record<string, { vi: string; en: string }> = {
  legal_hold: { vi: 'dữ liệu đang bị phong tỏa theo yêu cầu pháp lý', en: 'the data is under a legal hold' },
  open_ticket: {
    vi: 'Quý khách còn yêu cầu hỗ trợ chưa giải quyết xong',
    en: 'you have a request we have not finished',
  },
  open_transaction_case: { vi: 'một giao dịch đang được xác minh', en: 'a transaction is being verified' },
  unpaid_compensation: {
    vi: 'một khoản bồi hoàn chưa được chi trả',
    en: 'a compensation payment is not yet paid',
  },
  undecided_cancellation: {
    vi: 'một yêu cầu hủy tour chưa có quyết định',
    en: 'a cancellation is not yet decided',
  },
};

/** Why nothing was erased yet, in the customer's language. */
export function erasureRefusedInWords(reasons: readonly string[], language: string): string {
  const en = language === 'en';
  const why = reasons.map((reason) => KEPT_REASONS[reason]?.[en ? 'en' : 'vi'] ?? reason).join('; ');
  return en
    ? `We cannot erase your data yet because ${why}. We will keep it only as long as that requires; you can ask again once it is over.`
    : `Chúng tôi chưa thể xóa dữ liệu của Quý khách vì ${why}. Dữ liệu chỉ được giữ trong thời gian cần thiết; Quý khách có thể gửi lại yêu cầu khi việc này kết thúc.`;
}

/** What an erasure did and kept, in the customer's language. */
export function erasureDoneInWords(language: string): string {
  return language === 'en'
    ? 'Your name, e-mail addresses, phone numbers, the personal details in your messages and your attachments ' +
        'have been erased. We keep, without anything that identifies you: your requests’ numbers, dates and ' +
        'outcomes (for complaint statistics), and booking references on payments, compensation and ' +
        'cancellations (accounting law requires them).'
    : 'Họ tên, địa chỉ e-mail, số điện thoại, thông tin cá nhân trong thư từ và tệp đính kèm của Quý khách đã ' +
        'được xóa. Chúng tôi chỉ giữ, không kèm thông tin nhận dạng Quý khách: số, ngày và kết quả các yêu cầu ' +
        '(cho thống kê khiếu nại) và mã đặt chỗ trên các khoản thanh toán, bồi hoàn, hủy tour (theo quy định kế toán).';
}
