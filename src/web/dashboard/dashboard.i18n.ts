/** Words of the supervisor dashboard. */
export const dashboardVi = {
  'dashboard.title': 'Tổng quan giám sát',
} as const;

export const dashboardEn: Record<keyof typeof dashboardVi, string> = {
  'dashboard.title': 'Supervisor dashboard',
};
