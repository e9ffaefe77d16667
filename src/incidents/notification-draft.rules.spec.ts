import { deadlinesFor } from './incident.rules.js';
import { type DraftContent, missingContent, notificationDraft } from './notification-draft.rules.js';

const DISCOVERED = new Date('2026-03-02T01:15:00.000Z');

const content = (overrides: Partial<DraftContent> = {}): DraftContent => ({
  kind: 'personal_data_breach',
  title: 'Lộ dữ liệu đặt tour',
  discoveredAt: DISCOVERED,
  description: 'Máy chủ sao lưu để mở công khai từ 28/02 đến 02/03.',
  dataCategories: 'Họ tên, e-mail, số điện thoại khách hàng',
  subjectsAffected: 1200,
  recordsAffected: 3400,
  contactPerson: 'Nguyễn Thị Lan, dpo@offtrack.vn',
  consequences: 'Khách hàng có thể nhận thư lừa đảo.',
  measuresTaken: 'Đã khoá máy chủ, đổi khoá truy cập.',
  measuresProposed: 'Rà soát cấu hình sao lưu hằng tuần.',
  delayReason: null,
  ...overrides,
});

describe('notificationDraft', () => {
  it('assembles the decree content in Vietnamese, with times in Vietnam', () => {
    const draft = notificationDraft(
      content(),
      deadlinesFor('personal_data_breach', DISCOVERED, null, DISCOVERED),
      false,
    );
    expect(draft.subject).toBe('Thông báo vi phạm quy định bảo vệ dữ liệu cá nhân: Lộ dữ liệu đặt tour');
    expect(draft.body).toContain('Kính gửi: Cục An ninh mạng');
    expect(draft.body).toContain('Thời điểm phát hiện: 02/03/2026 08:15 (GMT+7)');
    expect(draft.body).toContain('Số chủ thể dữ liệu bị ảnh hưởng: khoảng 1.200');
    expect(draft.body).toContain('Người liên hệ phụ trách bảo vệ dữ liệu cá nhân: Nguyễn Thị Lan');
    expect(draft.body).toContain('Hạn thông báo 72 giờ: 05/03/2026 08:15 (GMT+7)');
    expect(draft.body).not.toContain('Lý do thông báo chậm');
    expect(draft.missing).toEqual([]);
  });

  it('asks for the reason for the delay when late', () => {
    const draft = notificationDraft(content(), [], true);
    expect(draft.body).toContain('5. Lý do thông báo chậm: (đang xác định)');
    expect(draft.missing).toEqual(['delayReason']);
  });
});

describe('missingContent', () => {
  it('lists what a personal-data breach notification still lacks', () => {
    expect(missingContent(content({ contactPerson: null, subjectsAffected: null }), false)).toEqual([
      'contactPerson',
      'subjectsAffected',
    ]);
  });

  it('does not ask an attack without personal data for data categories or counts', () => {
    expect(
      missingContent(
        content({
          kind: 'system_attack',
          dataCategories: null,
          subjectsAffected: null,
          recordsAffected: null,
        }),
        false,
      ),
    ).toEqual([]);
  });
});
