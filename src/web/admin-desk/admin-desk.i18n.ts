/** Words of the admin pages for people, queues, templates and canned responses. */
export const adminDeskVi = {
  'adminDesk.agents': 'Nhân viên và vai trò',
  'adminDesk.queues': 'Hàng đợi và thành viên',
  'adminDesk.templates': 'Mẫu thư xác nhận và trả lời',
  'adminDesk.canned': 'Mẫu trả lời nhanh',
} as const;

export const adminDeskEn: Record<keyof typeof adminDeskVi, string> = {
  'adminDesk.agents': 'Agents and roles',
  'adminDesk.queues': 'Queues and membership',
  'adminDesk.templates': 'Acknowledgement and reply templates',
  'adminDesk.canned': 'Canned responses',
};
