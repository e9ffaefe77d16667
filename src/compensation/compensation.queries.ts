import type { EntityManager } from 'typeorm';
import { Compensation } from './compensation.entity.js';
import type { PaidGroup, ReportPeriod } from './compensation.rules.js';

/**
 * Compensation paid in the period, counted and summed per reason and month in one grouped query. Months
 * are CASE branches on boundaries computed in the desk's time zone, so the same SQL runs on SQLite, MySQL
 * and MariaDB without their date functions, and the answer has at most reasons × months rows.
 */
export async function paidByReasonAndMonth(em: EntityManager, period: ReportPeriod): Promise<PaidGroup[]> {
  const parameters: Record<string, unknown> = { paid: 'paid', start: period.start, end: period.end };
  const branches = period.months.map(({ month, end }, index) => {
    parameters[`monthEnd${index}`] = end;
    parameters[`month${index}`] = month;
    return `WHEN compensation.paidAt < :monthEnd${index} THEN :month${index}`;
  });
  const rows = await em
    .createQueryBuilder(Compensation, 'compensation')
    .select('compensation.reasonCode', 'reasonCode')
    .addSelect(`CASE ${branches.join(' ')} END`, 'paidMonth')
    .addSelect('COUNT(*)', 'paidCount')
    .addSelect('SUM(compensation.amountVnd)', 'paidTotal')
    .where('compensation.state = :paid')
    .andWhere('compensation.paidAt >= :start AND compensation.paidAt < :end')
    .setParameters(parameters)
    .groupBy('compensation.reasonCode')
    .addGroupBy('paidMonth')
    .getRawMany<Record<string, unknown>>();
  // MySQL answers COUNT and SUM as strings.
  return rows.map((row) => ({
    reasonCode: row.reasonCode as PaidGroup['reasonCode'],
    month: String(row.paidMonth),
    count: Number(row.paidCount),
    totalVnd: Number(row.paidTotal),
  }));
}
