import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { NotFound } from '../common/errors/domain-error.js';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { maskPersonalData } from '../common/logging.js';
import { AppConfig } from '../config/app-config.js';
import { CustomerAnonymiser, type GroupAnonymisation } from './customer-anonymiser.service.js';
import { RetentionRun } from './retention-run.entity.js';
import { RetentionRunInProgress } from './retention.errors.js';
import { findDueCustomers, skipReasonsOf, type DueCustomer } from './retention.queries.js';
import { retentionCutoff, type SkipReason } from './retention.rules.js';

export const RETENTION_LEASE = 'retention.anonymise';
/** Customers read per selection. */
export const BATCH_SIZE = 400;
/**
 * Customers anonymised together in one transaction: a few statements for the group instead of some twenty
 * per customer. Killing the run leaves each group wholly done or untouched.
 */
const GROUP_SIZE = 100;
/**
 * Groups anonymised at once: one at a time leaves the database server waiting on round trips and commits
 * while the redaction runs here. SQLite runs them one after the other anyway.
 */
const CONCURRENCY = 4;

export interface RetentionPreview {
  cutoff: Date;
  retentionMonths: number;
  toAnonymise: number;
  skippedHold: number;
  skippedDispute: number;
  tickets: number;
  customers: DueCustomer[];
  skipped: (DueCustomer & { reasons: SkipReason[] })[];
}

/** Who started a run: the nightly schedule, `npm run retention`, or an admin. */
export type RunStarter = 'schedule' | 'script' | Actor;

/** The retention job: anonymise every customer inactive for the retention period, unless held or in dispute. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(RetentionRun) private readonly runs: Repository<RetentionRun>,
    private readonly anonymiser: CustomerAnonymiser,
    private readonly leases: JobLeasesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  cutoff(now: Date = this.clock.now()): Date {
    return retentionCutoff(now, this.config.retentionMonths);
  }

  /** What a run started now would do; reads only. */
  async preview(limit: number): Promise<RetentionPreview> {
    const cutoff = this.cutoff();
    const preview: RetentionPreview = {
      cutoff,
      retentionMonths: this.config.retentionMonths,
      toAnonymise: 0,
      skippedHold: 0,
      skippedDispute: 0,
      tickets: 0,
      customers: [],
      skipped: [],
    };
    const em = this.dataSource.manager;
    for (let afterId = ''; ;) {
      const due = await findDueCustomers(em, cutoff, afterId, BATCH_SIZE);
      if (due.length === 0) return preview;
      afterId = due.at(-1)!.id;
      const reasons = await skipReasonsOf(
        em,
        due.map((customer) => customer.id),
      );
      const kept = due.filter((customer) => !reasons.has(customer.id));
      for (const customer of due.filter((candidate) => reasons.has(candidate.id))) {
        const why = reasons.get(customer.id)!;
        if (why.includes('legal_hold')) preview.skippedHold++;
        else preview.skippedDispute++;
        if (preview.skipped.length < limit) preview.skipped.push({ ...customer, reasons: why });
      }
      preview.toAnonymise += kept.length;
      preview.customers.push(...kept.slice(0, limit - preview.customers.length));
      if (kept.length > 0) {
        const [{ n }] = await em.query(
          `SELECT COUNT(*) AS n FROM tickets WHERE customer_id IN (${kept.map(() => '?').join(', ')})`,
          kept.map((customer) => customer.id),
        );
        preview.tickets += Number(n);
      }
    }
  }

  /**
   * Runs one pass under the lease and returns its record; undefined when another instance holds the lease.
   * `onProgress` hears the run's counts after every batch.
   */
  run(startedBy: RunStarter, onProgress?: (run: RetentionRun) => void): Promise<RetentionRun | undefined> {
    return this.leases.runExclusive(RETENTION_LEASE, this.config.jobLeaseMs, () =>
      this.runLeased(startedBy, onProgress),
    );
  }

  /** Starts a run for an admin and answers once it is recorded; the run goes on in the background. */
  async start(actor: Actor): Promise<RetentionRun> {
    let recorded!: (run: RetentionRun) => void;
    const started = new Promise<RetentionRun>((resolve) => (recorded = resolve));
    const finished = this.leases
      .runExclusive(RETENTION_LEASE, this.config.jobLeaseMs, () => this.runLeased(actor, undefined, recorded))
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'retention run failed');
        return null;
      });
    const first = await Promise.race([started, finished]);
    if (first === undefined) throw new RetentionRunInProgress();
    if (first === null) throw new Error('retention run failed to start');
    return first;
  }

  listRuns(limit = 50): Promise<RetentionRun[]> {
    return this.runs.find({ order: { startedAt: 'DESC' }, take: limit });
  }

  async getRun(id: string): Promise<RetentionRun> {
    const run = await this.runs.findOne({ where: { id } });
    if (!run) throw new NotFound('retention run', id);
    return run;
  }

  private async runLeased(
    startedBy: RunStarter,
    onProgress?: (run: RetentionRun) => void,
    onRecorded?: (run: RetentionRun) => void,
  ): Promise<RetentionRun> {
    const now = this.clock.now();
    // Holding the lease, nobody else is running: a run still marked running died with its process.
    await this.runs.update({ state: 'running' }, { state: 'interrupted', finishedAt: now });
    const actor: Actor =
      typeof startedBy === 'string'
        ? { type: 'system', id: null, requestId: `retention:${startedBy}` }
        : startedBy;
    const run = this.runs.create({
      state: 'running',
      startedBy: typeof startedBy === 'string' ? startedBy : (startedBy.id ?? 'system'),
      startedAt: now,
      finishedAt: null,
      cutoff: this.cutoff(now),
      customersAnonymised: 0,
      customersSkippedHold: 0,
      customersSkippedDispute: 0,
      customersFailed: 0,
      tickets: 0,
      messagesRedacted: 0,
      attachmentsDeleted: 0,
      rawMailsDeleted: 0,
      outboxMailsDeleted: 0,
      error: null,
      holder: this.leases.holder,
    });
    await this.runs.insert(run);
    onRecorded?.(run);
    this.logger.log({ runId: run.id, cutoff: run.cutoff }, 'retention run started');
    try {
      for (let afterId = ''; ;) {
        const due = await findDueCustomers(this.dataSource.manager, run.cutoff, afterId, BATCH_SIZE);
        if (due.length === 0) break;
        afterId = due.at(-1)!.id;
        await this.anonymiseBatch(run, due, actor);
        await this.saveCounts(run);
        onProgress?.(run);
      }
      Object.assign(run, { state: 'completed', finishedAt: this.clock.now() });
    } catch (error) {
      Object.assign(run, {
        state: 'failed',
        finishedAt: this.clock.now(),
        error: maskPersonalData((error as Error).message ?? String(error)).slice(0, 500),
      });
      this.logger.error({ runId: run.id, reason: run.error }, 'retention run failed');
    }
    await this.runs.update(
      { id: run.id },
      { state: run.state, finishedAt: run.finishedAt, error: run.error },
    );
    await this.saveCounts(run);
    this.logger.log(
      { runId: run.id, state: run.state, anonymised: run.customersAnonymised },
      'retention run finished',
    );
    return run;
  }

  private async anonymiseBatch(run: RetentionRun, due: DueCustomer[], actor: Actor): Promise<void> {
    const toAnonymise = due.map((customer) => ({
      id: customer.id,
      reason: `retention: no activity since ${customer.lastActivity.toISOString()} (${this.config.retentionMonths} months)`,
    }));
    const groups = Array.from({ length: Math.ceil(toAnonymise.length / GROUP_SIZE) }, (_, index) =>
      toAnonymise.slice(index * GROUP_SIZE, (index + 1) * GROUP_SIZE),
    );
    const options = { lastActiveBefore: run.cutoff };
    const worker = async () => {
      for (let group = groups.shift(); group; group = groups.shift()) {
        try {
          this.count(run, await this.anonymiser.anonymiseGroup(group, actor, options));
        } catch {
          // One customer's bad data must not hold back the others: alone, each fails or succeeds by itself.
          for (const customer of group)
            try {
              this.count(run, await this.anonymiser.anonymiseGroup([customer], actor, options));
            } catch (error) {
              run.customersFailed++;
              // Driver messages can quote the values they refused: masked, as everything logged here.
              const reason = maskPersonalData((error as Error).message ?? String(error));
              this.logger.error({ runId: run.id, customerId: customer.id, reason }, 'anonymisation failed');
              // The latest failure is kept with the run, so an admin sees why without reading the logs.
              run.error = `customer ${customer.id}: ${reason}`.slice(0, 500);
            }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, groups.length) }, worker));
  }

  private count(run: RetentionRun, { reports, changed }: GroupAnonymisation): void {
    run.customersAnonymised += changed.customers;
    run.tickets += changed.tickets;
    run.messagesRedacted += changed.messagesRedacted;
    run.attachmentsDeleted += changed.attachmentsDeleted;
    run.rawMailsDeleted += changed.rawMailsDeleted;
    run.outboxMailsDeleted += changed.outboxMailsDeleted;
    for (const report of reports)
      if (report.outcome === 'skipped') {
        if (report.reasons.includes('legal_hold')) run.customersSkippedHold++;
        else run.customersSkippedDispute++;
      }
  }

  private async saveCounts(run: RetentionRun): Promise<void> {
    await this.runs.update(
      { id: run.id },
      {
        customersAnonymised: run.customersAnonymised,
        customersSkippedHold: run.customersSkippedHold,
        customersSkippedDispute: run.customersSkippedDispute,
        customersFailed: run.customersFailed,
        tickets: run.tickets,
        messagesRedacted: run.messagesRedacted,
        attachmentsDeleted: run.attachmentsDeleted,
        rawMailsDeleted: run.rawMailsDeleted,
        outboxMailsDeleted: run.outboxMailsDeleted,
        error: run.error,
      },
    );
  }
}
