import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { ImapFlow } from 'imapflow';
import { AppConfig } from '../../config/app-config.js';
import { JobLeasesService } from '../../common/leases/job-leases.service.js';
import { createImapClient } from './imap-client.js';
import { ImapFetcherService } from './imap-fetcher.service.js';
import type { FetchReport } from './imap-fetcher.service.js';
import type { Mailbox } from './mailbox.entity.js';
import { MailboxesService } from './mailboxes.service.js';
import { MailProcessorService } from './mail-processor.service.js';
import type { ProcessReport } from './mail-processor.service.js';

export type IntakeReport = FetchReport & ProcessReport & { mailboxErrors: number };

/**
 * Fetches and processes mail: at once when an idling IMAP connection announces new mail, and every
 * MAIL_POLL_SECONDS in any case (servers without IDLE, dropped connections). One instance at a time.
 */
@Injectable()
export class MailIntakeJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailIntakeJob.name);
  private readonly watchers: ImapFlow[] = [];
  private running: Promise<unknown> | null = null;
  private again = false;
  private stopping = false;

  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly fetcher: ImapFetcherService,
    private readonly processor: MailProcessorService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const everyMs = this.config.mail.pollSeconds * 1000;
    this.scheduler.addInterval(
      'mail.intake',
      setInterval(() => this.trigger(), everyMs),
    );
    if (this.config.mail.idle) {
      for (const mailbox of await this.mailboxes.active()) void this.watch(mailbox.id);
    }
    this.trigger();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.watchers.map((client) => client.logout().catch(() => undefined)));
    await this.running;
  }

  /** Runs soon; a trigger during a run makes one more run afterwards, so no announced mail waits for the poll. */
  trigger(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runOnce().catch((error: unknown) =>
          this.logger.error({ err: error }, 'mail intake run failed'),
        );
      } while (this.again);
      this.running = null;
    })();
  }

  /** One pass over every active mailbox, then over all stored mail. Returns undefined if another instance is at it. */
  async runOnce(): Promise<IntakeReport | undefined> {
    return this.leases.runExclusive('mail.intake', this.config.jobLeaseMs, async () => {
      const report: IntakeReport = {
        stored: 0,
        duplicates: 0,
        tickets: 0,
        threaded: 0,
        ignored: 0,
        failed: 0,
        mailboxErrors: 0,
      };
      // Processing runs alongside fetching: stored chunks are turned into tickets while the next ones arrive.
      let fetching = true;
      const fetchAll = (async () => {
        try {
          for (const mailbox of await this.mailboxes.active()) await this.fetchInto(report, mailbox);
        } finally {
          fetching = false;
        }
      })();
      for (;;) {
        const stillFetching = fetching;
        const processed = await this.processor.processStored();
        for (const key of ['tickets', 'threaded', 'ignored', 'failed'] as const)
          report[key] += processed[key];
        if (!stillFetching) break;
        if (processed.tickets + processed.threaded + processed.ignored + processed.failed === 0) {
          await Promise.race([fetchAll, new Promise((tick) => setTimeout(tick, 50))]);
        }
      }
      await fetchAll;
      return report;
    });
  }

  private async fetchInto(report: IntakeReport, mailbox: Mailbox): Promise<void> {
    try {
      const fetched = await this.fetcher.fetchNew(mailbox);
      report.stored += fetched.stored;
      report.duplicates += fetched.duplicates;
      await this.mailboxes.recordFetch(mailbox.id, null);
    } catch (error) {
      report.mailboxErrors += 1;
      this.logger.warn({ mailboxId: mailbox.id, error: (error as Error).message }, 'mailbox fetch failed');
      await this.mailboxes.recordFetch(mailbox.id, (error as Error).message);
    }
  }

  /**
   * For `npm run mail:fetch`: waits for an instance that holds the lease to finish (or, if it died, for
   * its lease to expire) instead of giving up at once.
   */
  async runOnceWaiting(): Promise<IntakeReport> {
    const deadline = Date.now() + this.config.jobLeaseMs * 2;
    for (;;) {
      const report = await this.runOnce();
      if (report) return report;
      if (Date.now() > deadline)
        throw new Error('another instance kept the mail intake lease; try again later');
      await new Promise((tick) => setTimeout(tick, 250));
    }
  }

  /** Keeps an IDLE connection to the mailbox and triggers a run on new mail; reconnects after a drop. */
  private async watch(mailboxId: string): Promise<void> {
    const mailbox = await this.mailboxes.get(mailboxId);
    const client = createImapClient(this.mailboxes.credentials(mailbox), { idle: true });
    this.watchers.push(client);
    client.on('exists', () => this.trigger());
    client.on('error', (error: Error) =>
      this.logger.warn({ mailboxId, error: error.message }, 'IDLE connection error'),
    );
    client.on('close', () => {
      this.watchers.splice(this.watchers.indexOf(client), 1);
      if (!this.stopping) setTimeout(() => void this.watch(mailboxId), 30_000).unref();
    });
    try {
      await client.connect();
      await client.mailboxOpen(mailbox.imapFolder, { readOnly: true });
    } catch (error) {
      this.logger.warn(
        { mailboxId, error: (error as Error).message },
        'IDLE connection failed; polling continues',
      );
    }
  }
}
