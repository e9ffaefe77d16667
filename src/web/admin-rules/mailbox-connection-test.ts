import { Injectable, Logger } from '@nestjs/common';
import { createImapClient } from '../../mail/inbound/imap-client.js';
import { MailboxesService } from '../../mail/inbound/mailboxes.service.js';

export type ConnectionProblem =
  'wrongLogin' | 'unknownHost' | 'refused' | 'timeout' | 'tls' | 'folder' | 'other';

export interface ConnectionTestResult {
  ok: boolean;
  problem: ConnectionProblem | null;
  /** The server's or the network's own words, for whoever looks further. */
  detail: string | null;
  messages: number | null;
}

/**
 * Signs in to a mailbox and opens its folder, like the API's test, but keeps why it failed: imapflow reports a
 * refused login as "Command failed", which tells an admin nothing, so the kind of failure is read from the
 * error's flags and codes while it is still at hand.
 */
@Injectable()
export class MailboxConnectionTest {
  private readonly logger = new Logger(MailboxConnectionTest.name);

  constructor(private readonly mailboxes: MailboxesService) {}

  async run(mailboxId: string): Promise<ConnectionTestResult> {
    const mailbox = await this.mailboxes.get(mailboxId);
    const client = createImapClient(this.mailboxes.credentials(mailbox));
    let stage: 'sign-in' | 'folder' = 'sign-in';
    try {
      await client.connect();
      stage = 'folder';
      const status = await client.status(mailbox.imapFolder, { messages: true });
      this.logger.log({ mailboxId, ok: true }, 'mailbox connection tested');
      return { ok: true, problem: null, detail: null, messages: status ? (status.messages ?? null) : null };
    } catch (error) {
      const problem = connectionProblem(error, stage);
      this.logger.log({ mailboxId, ok: false, problem }, 'mailbox connection tested');
      return { ok: false, problem, detail: failureDetail(error), messages: null };
    } finally {
      await client.logout().catch(() => undefined);
    }
  }
}

interface ImapError {
  code?: string;
  authenticationFailed?: boolean;
  message?: string;
  responseText?: string;
}

/** What kind of failure an IMAP attempt ran into, from imapflow's flags and Node's network error codes. */
export function connectionProblem(error: unknown, stage: 'sign-in' | 'folder'): ConnectionProblem {
  const { code = '', authenticationFailed, message = '' } = (error ?? {}) as ImapError;
  if (authenticationFailed) return 'wrongLogin';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknownHost';
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'refused';
  if (/TIMEOUT/i.test(code) || code === 'ETIMEDOUT') return 'timeout';
  if (/TLS|SSL|CERT/i.test(code) || /TLS|SSL|certificate/i.test(message) || code === 'EPROTO') return 'tls';
  if (stage === 'folder') return 'folder';
  return 'other';
}

/** The server's answer when there is one, else the error's message. */
export function failureDetail(error: unknown): string {
  const { responseText, message } = (error ?? {}) as ImapError;
  return (responseText || message || String(error)).slice(0, 300);
}
