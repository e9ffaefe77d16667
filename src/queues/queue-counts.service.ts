import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { forUpdate } from '../database/locking.js';
import { QueueTicketCount } from './queue.entity.js';
import { bulkInsert } from '../database/bulk-insert.js';

/** Where a ticket sits, for the sidebar counts. */
export interface TicketPlace {
  queueId: string;
  state: string;
  assigneeId: string | null;
}

export interface QueueStateCount {
  queueId: string;
  state: string;
  assigned: number;
  unassigned: number;
}

const COMPACT_EVERY_MS = 60_000;
const COMPACT_BATCH = 50_000;

/**
 * Ticket counts per queue and state without counting tickets: every change writes +1/-1 rows in its own
 * transaction (an insert, so concurrent tickets never wait on one hot counter row), reads sum them, and a job
 * folds them together every minute.
 */
@Injectable()
export class QueueCountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(QueueCountsService.name);
  private readonly compaction: LeasedInterval;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    intervals: LeasedIntervals,
  ) {
    this.compaction = intervals.define({
      name: 'queues.compact-counts',
      everyMs: COMPACT_EVERY_MS,
      logger: this.logger,
      failure: 'compacting queue counts failed',
      work: async () => {
        const folded = await this.compact();
        if (folded) this.logger.debug({ folded }, 'queue counts compacted');
      },
    });
  }

  onApplicationBootstrap(): void {
    this.compaction.start();
  }

  /** Records a ticket moving from one place to another (`from` null: new ticket). */
  async moved(em: EntityManager, from: TicketPlace | null, to: TicketPlace): Promise<void> {
    await this.movedMany(em, [{ from, to }]);
  }

  /** moved() for many tickets with one INSERT. */
  async movedMany(em: EntityManager, moves: { from: TicketPlace | null; to: TicketPlace }[]): Promise<void> {
    const key = (place: TicketPlace) => `${place.queueId}|${place.state}|${place.assigneeId !== null}`;
    const row = (place: TicketPlace, delta: number) => ({
      queueId: place.queueId,
      state: place.state,
      isAssigned: place.assigneeId !== null,
      delta,
    });
    const rows = moves
      .filter(({ from, to }) => !from || key(from) !== key(to))
      .flatMap(({ from, to }) => (from ? [row(from, -1), row(to, 1)] : [row(to, 1)]));
    await bulkInsert(em, QueueTicketCount, rows);
  }

  async counts(queueIds?: string[]): Promise<QueueStateCount[]> {
    const query = this.dataSource
      .createQueryBuilder(QueueTicketCount, 'count')
      .select('count.queueId', 'queueId')
      .addSelect('count.state', 'state')
      .addSelect('count.isAssigned', 'isAssigned')
      .addSelect('SUM(count.delta)', 'total')
      .groupBy('count.queueId')
      .addGroupBy('count.state')
      .addGroupBy('count.isAssigned');
    if (queueIds) query.where({ queueId: In(queueIds) });
    const rows = await query.getRawMany<{
      queueId: string;
      state: string;
      isAssigned: unknown;
      total: unknown;
    }>();
    const byKey = new Map<string, QueueStateCount>();
    for (const row of rows) {
      const key = `${row.queueId}|${row.state}`;
      const entry = byKey.get(key) ?? { queueId: row.queueId, state: row.state, assigned: 0, unassigned: 0 };
      entry[Number(row.isAssigned) ? 'assigned' : 'unassigned'] += Number(row.total);
      byKey.set(key, entry);
    }
    return [...byKey.values()].filter((entry) => entry.assigned + entry.unassigned > 0);
  }

  /**
   * Replaces delta rows with one row per key. The rows are read with a lock, and exactly those are deleted:
   * a row another transaction is still writing is left for the next run rather than lost.
   */
  async compact(): Promise<number> {
    const fold = async (em: EntityManager) => {
      const rows = await forUpdate(
        em.createQueryBuilder(QueueTicketCount, 'count').orderBy('count.id').limit(COMPACT_BATCH),
      ).getMany();
      const sums = new Map<string, QueueTicketCount>();
      for (const row of rows) {
        const key = `${row.queueId}|${row.state}|${row.isAssigned}`;
        const sum = sums.get(key);
        if (sum) sum.delta += row.delta;
        else sums.set(key, { ...row });
      }
      if (sums.size === rows.length) return 0;
      for (let start = 0; start < rows.length; start += 1000) {
        await em.delete(QueueTicketCount, { id: In(rows.slice(start, start + 1000).map((row) => row.id)) });
      }
      const folded = [...sums.values()]
        .filter((sum) => sum.delta !== 0)
        .map(({ queueId, state, isAssigned, delta }) => ({ queueId, state, isAssigned, delta }));
      if (folded.length > 0) await em.insert(QueueTicketCount, folded);
      return rows.length;
    };
    // Read committed: the locking read takes no gap locks, so tickets keep inserting deltas meanwhile.
    return this.dataSource.options.type === 'mysql'
      ? this.dataSource.transaction('READ COMMITTED', fold)
      : this.dataSource.transaction(fold);
  }
}
