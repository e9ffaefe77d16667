/** Words of the admin pages for routing rules, SLA policies, holidays and mailboxes. */
export const adminRulesVi = {
  'adminRules.routing': 'Quy tắc phân luồng',
  'adminRules.sla': 'Chính sách SLA và ngày nghỉ',
  'adminRules.mailboxes': 'Hộp thư',
} as const;

export const adminRulesEn: Record<keyof typeof adminRulesVi, string> = {
  'adminRules.routing': 'Routing rules',
  'adminRules.sla': 'SLA policies and holidays',
  'adminRules.mailboxes': 'Mailboxes',
};
