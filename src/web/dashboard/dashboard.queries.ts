import { type EntityManager, In } from 'typeorm';
import { EscalationFiring, TicketSlaClock } from '../../sla/ticket-sla-clock.entity.js';
import { OPEN_STATES } from '../../tickets/ticket-state.rules.js';
import { Ticket } from '../../tickets/ticket.entity.js';
import type { AgeBandCutoffs, BacklogAgeBand } from './dashboard.rules.js';

export type BacklogRow = { queueId: string } & Record<BacklogAgeBand, number>;

/** Open tickets per queue and age band, counted in one grouped query. */
export async function backlogByQueueAndAge(
  em: EntityManager,
  cutoffs: AgeBandCutoffs,
): Promise<BacklogRow[]> {
  const rows = await em
    .createQueryBuilder(Ticket, 'ticket')
    .select('ticket.queueId', 'queueId')
    .addSelect('SUM(CASE WHEN ticket.createdAt >= :oneDayAgo THEN 1 ELSE 0 END)', 'underOneDay')
    .addSelect(
      'SUM(CASE WHEN ticket.createdAt < :oneDayAgo AND ticket.createdAt >= :threeDaysAgo THEN 1 ELSE 0 END)',
      'oneToThreeDays',
    )
    .addSelect(
      'SUM(CASE WHEN ticket.createdAt < :threeDaysAgo AND ticket.createdAt >= :sevenDaysAgo THEN 1 ELSE 0 END)',
      'threeToSevenDays',
    )
    .addSelect('SUM(CASE WHEN ticket.createdAt < :sevenDaysAgo THEN 1 ELSE 0 END)', 'overSevenDays')
    .where({ state: In([...OPEN_STATES]) })
    .setParameters({ ...cutoffs })
    .groupBy('ticket.queueId')
    .getRawMany<Record<string, unknown>>();
  // MySQL sums come back as DECIMAL strings.
  return rows.map((row) => ({
    queueId: String(row.queueId),
    underOneDay: Number(row.underOneDay),
    oneToThreeDays: Number(row.oneToThreeDays),
    threeToSevenDays: Number(row.threeToSevenDays),
    overSevenDays: Number(row.overSevenDays),
  }));
}

/** Running SLA targets of open tickets past their due time at `now`, soonest due first, and how many in all. */
export function breachedClocks(
  em: EntityManager,
  now: Date,
  limit: number,
): Promise<[TicketSlaClock[], number]> {
  return runningClocks(em)
    .andWhere('(clock.dueAt <= :now OR clock.breachedAt IS NOT NULL)', { now })
    .orderBy('clock.dueAt', 'ASC')
    .addOrderBy('clock.id', 'ASC')
    .take(limit)
    .getManyAndCount();
}

/** Running SLA targets of open tickets falling due after `now` and by `until`, and how many in all. */
export function clocksDueBy(
  em: EntityManager,
  now: Date,
  until: Date,
  limit: number,
): Promise<[TicketSlaClock[], number]> {
  return runningClocks(em)
    .andWhere('clock.dueAt > :now AND clock.dueAt <= :until AND clock.breachedAt IS NULL', { now, until })
    .orderBy('clock.dueAt', 'ASC')
    .addOrderBy('clock.id', 'ASC')
    .take(limit)
    .getManyAndCount();
}

function runningClocks(em: EntityManager) {
  return em
    .createQueryBuilder(TicketSlaClock, 'clock')
    .innerJoin(Ticket, 'ticket', 'ticket.id = clock.ticketId')
    .where('clock.metAt IS NULL AND clock.pausedAt IS NULL AND clock.dueAt IS NOT NULL')
    .andWhere('ticket.state IN (:...open)', { open: OPEN_STATES });
}

/** First-response and resolution targets met within [from, to). */
export function metClocks(em: EntityManager, from: Date, to: Date): Promise<TicketSlaClock[]> {
  return em
    .createQueryBuilder(TicketSlaClock, 'clock')
    .where('clock.target IN (:...targets)', { targets: ['first_response', 'resolution'] })
    .andWhere('clock.metAt >= :from AND clock.metAt < :to', { from, to })
    .getMany();
}

/** Escalation steps fired since `since`, newest first. */
export function escalationsSince(em: EntityManager, since: Date, limit: number): Promise<EscalationFiring[]> {
  return em
    .createQueryBuilder(EscalationFiring, 'firing')
    .where('firing.firedAt >= :since', { since })
    .orderBy('firing.firedAt', 'DESC')
    .addOrderBy('firing.step', 'ASC')
    .take(limit)
    .getMany();
}

/** Number, subject and queue of the tickets the dashboard links to. */
export async function ticketHeadings(em: EntityManager, ids: string[]) {
  if (ids.length === 0) return new Map<string, Pick<Ticket, 'id' | 'number' | 'subject' | 'queueId'>>();
  const tickets = await em.find(Ticket, {
    where: { id: In([...new Set(ids)]) },
    select: { id: true, number: true, subject: true, queueId: true },
  });
  return new Map(tickets.map((ticket) => [ticket.id, ticket]));
}
