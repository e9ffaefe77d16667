import { formatLocal } from '../common/time.js';
import type { Deadline, IncidentKind } from './incident.rules.js';

export const AUTHORITY = 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05) – Bộ Công an';
const CONTROLLER = 'Công ty Offtrack Travel, 50 Tôn Thất Đạm, phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh';
const ZONE = 'Asia/Ho_Chi_Minh';

const KIND_VI: Record<IncidentKind, string> = {
  personal_data_breach: 'vi phạm quy định bảo vệ dữ liệu cá nhân',
  system_attack: 'tấn công vào hệ thống thông tin',
  both: 'tấn công vào hệ thống thông tin dẫn đến vi phạm quy định bảo vệ dữ liệu cá nhân',
};

export interface DraftContent {
  kind: IncidentKind;
  title: string;
  discoveredAt: Date;
  description: string;
  dataCategories: string | null;
  subjectsAffected: number | null;
  recordsAffected: number | null;
  contactPerson: string | null;
  consequences: string | null;
  measuresTaken: string | null;
  measuresProposed: string | null;
  delayReason: string | null;
}

/** The content fields the decree asks for that are still empty, by their API names. */
export function missingContent(content: DraftContent, isLate: boolean): string[] {
  const required: (keyof DraftContent)[] = ['contactPerson', 'consequences', 'measuresTaken'];
  if (content.kind !== 'system_attack')
    required.push('dataCategories', 'subjectsAffected', 'recordsAffected');
  if (isLate) required.push('delayReason');
  return required.filter((field) => content[field] === null || content[field] === '');
}

const count = (value: number | null) =>
  value === null ? 'chưa xác định' : `khoảng ${value.toLocaleString('vi-VN')}`;
const orPending = (value: string | null) => value?.trim() || '(đang xác định)';

/**
 * The notification to the authority in Vietnamese, in the order of Decree 13/2023 art. 23(3): the nature of
 * the breach (time, place, act, data and numbers), the contact, the likely consequences, the measures; and,
 * when late, the reason for the delay (art. 23(2)).
 */
export function notificationDraft(content: DraftContent, deadlines: Deadline[], isLate: boolean) {
  const dueLines = deadlines.map(
    (deadline) => `- Hạn thông báo ${deadline.hours} giờ: ${formatLocal(deadline.dueAt, ZONE)}`,
  );
  const sections = [
    `Kính gửi: ${AUTHORITY}`,
    `Đơn vị thông báo: ${CONTROLLER}`,
    `Về việc: thông báo ${KIND_VI[content.kind]} – ${content.title}`,
    [
      '1. Mô tả tính chất của vi phạm',
      `- Thời điểm phát hiện: ${formatLocal(content.discoveredAt, ZONE)}`,
      `- Diễn biến (thời gian, địa điểm, hành vi, tổ chức, cá nhân liên quan): ${content.description.trim()}`,
      `- Loại dữ liệu cá nhân và chủ thể dữ liệu bị ảnh hưởng: ${orPending(content.dataCategories)}`,
      `- Số chủ thể dữ liệu bị ảnh hưởng: ${count(content.subjectsAffected)}`,
      `- Số bản ghi dữ liệu liên quan: ${count(content.recordsAffected)}`,
    ].join('\n'),
    `2. Người liên hệ phụ trách bảo vệ dữ liệu cá nhân: ${orPending(content.contactPerson)}`,
    `3. Hậu quả, thiệt hại có thể xảy ra: ${orPending(content.consequences)}`,
    [
      '4. Biện pháp giải quyết, giảm thiểu tác hại',
      `- Đã thực hiện: ${orPending(content.measuresTaken)}`,
      `- Đề xuất: ${orPending(content.measuresProposed)}`,
    ].join('\n'),
    ...(isLate ? [`5. Lý do thông báo chậm: ${orPending(content.delayReason)}`] : []),
    ['Thời hạn:', ...dueLines].join('\n'),
  ];
  return {
    language: 'vi',
    recipient: AUTHORITY,
    subject: `Thông báo ${KIND_VI[content.kind]}: ${content.title}`,
    body: sections.join('\n\n') + '\n',
    missing: missingContent(content, isLate),
  };
}
