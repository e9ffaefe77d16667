import { Injectable, Logger } from '@nestjs/common';
import { InboundMailService } from './inbound-mail.service.js';
import { createImapClient } from './imap-client.js';
import type { Mailbox } from './mailbox.entity.js';
import { MailboxesService } from './mailboxes.service.js';

/** Mail stored per transaction: fewer disk flushes, and a crash costs at most one batch of re-fetching. */
const STORE_BATCH = 50;
const STORE_BATCH_BYTES = 16 * 1024 * 1024;

export interface FetchReport {
  stored: number;
  duplicates: number;
}

/**
 * Reads new mail from a mailbox: each message is stored in the database (with the UID mark) before the
 * server is told it was seen, and nothing is deleted or moved on the server.
 */
@Injectable()
export class ImapFetcherService {
  private readonly logger = new Logger(ImapFetcherService.name);

  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly inbound: InboundMailService,
  ) {}

  async fetchNew(mailbox: Mailbox): Promise<FetchReport> {
    const report: FetchReport = { stored: 0, duplicates: 0 };
    const client = createImapClient(this.mailboxes.credentials(mailbox));
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox.imapFolder);
      try {
        const opened = client.mailbox;
        if (!opened) throw new Error(`folder ${mailbox.imapFolder} could not be opened`);
        const uidValidity = String(opened.uidValidity);
        // A new UIDVALIDITY renumbers every UID: start over; stored mail is recognised by its dedup key.
        const after = uidValidity === mailbox.uidValidity ? mailbox.lastUid : 0;
        if (opened.exists === 0) return report;
        // Mail stored by a run that died before flagging it is safe in the database: flag it now.
        const unflagged =
          after > 0 ? await client.search({ seen: false, uid: `1:${after}` }, { uid: true }) : [];
        if (unflagged && unflagged.length > 0)
          await client.messageFlagsAdd(unflagged, ['\\Seen'], { uid: true });
        if (opened.uidNext !== undefined && opened.uidNext <= after + 1) return report;

        const stored: number[] = [];
        let batch: { raw: Buffer; uid: number }[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const results = await this.inbound.store(batch, { id: mailbox.id, uidValidity });
          for (const result of results) report[result.duplicate ? 'duplicates' : 'stored'] += 1;
          stored.push(...batch.map((mail) => mail.uid));
          batch = [];
        };
        for await (const message of client.fetch(
          `${after + 1}:*`,
          { uid: true, source: true },
          { uid: true },
        )) {
          // "n:*" always returns the last message, even when its UID is below n.
          if (message.uid <= after || !message.source) continue;
          batch.push({ raw: message.source, uid: message.uid });
          if (
            batch.length >= STORE_BATCH ||
            batch.reduce((sum, mail) => sum + mail.raw.length, 0) >= STORE_BATCH_BYTES
          ) {
            await flush();
          }
        }
        await flush();
        if (stored.length > 0) await client.messageFlagsAdd(stored, ['\\Seen'], { uid: true });
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    if (report.stored || report.duplicates)
      this.logger.log({ mailboxId: mailbox.id, ...report }, 'mail fetched');
    return report;
  }
}
