import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const RECIPES = resolve('../shared/recipes');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

export interface TestImapServer {
  port: number;
  user: string;
  password: string;
  /** IMAP_URL for the app (plain IMAP on loopback: set IMAP_TLS=false too). */
  url: string;
  append(raw: Buffer | string, flags?: string[], folder?: string): Promise<void>;
  /** Deletes (if there) and creates a folder: the server gives it a new UIDVALIDITY. */
  recreateFolder(folder: string): Promise<void>;
  /** UIDs and flags of the INBOX messages. */
  messages(): Promise<{ uid: number; flags: string[] }[]>;
  stop(): Promise<void>;
}

/** A real Dovecot (Debian's package, via shared/recipes/dovecot.sh) in a directory of its own. */
export async function startDovecot(): Promise<TestImapServer> {
  const dir = mkdtempSync(join(tmpdir(), 'offtrack-imap-'));
  const port = await freePort();
  const user = 'care@offtrack.test';
  const password = 'imap-secret';
  execFileSync('bash', [join(RECIPES, 'dovecot.sh'), 'start', dir, String(port), user, password], {
    stdio: 'ignore',
  });
  const client = () =>
    new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
    });
  return {
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${password}@127.0.0.1:${port}/INBOX`,
    async append(raw, flags = [], folder = 'INBOX') {
      const imap = client();
      await imap.connect();
      try {
        await imap.append(folder, raw, flags);
      } finally {
        await imap.logout();
      }
    },
    async recreateFolder(folder) {
      const imap = client();
      await imap.connect();
      try {
        await imap.mailboxDelete(folder).catch(() => undefined);
        await imap.mailboxCreate(folder);
      } finally {
        await imap.logout();
      }
    },
    async messages() {
      const imap = client();
      await imap.connect();
      try {
        await imap.mailboxOpen('INBOX', { readOnly: true });
        const found: { uid: number; flags: string[] }[] = [];
        if (imap.mailbox && imap.mailbox.exists > 0) {
          for await (const message of imap.fetch('1:*', { uid: true, flags: true })) {
            found.push({ uid: message.uid, flags: [...(message.flags ?? [])] });
          }
        }
        return found;
      } finally {
        await imap.logout();
      }
    },
    async stop() {
      execFileSync('bash', [join(RECIPES, 'dovecot.sh'), 'stop', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SentMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface TestSmtpSink {
  port: number;
  url: string;
  sent: SentMail[];
  /** Makes deliveries to this recipient fail with the given SMTP reply code, until accept(). */
  reject(recipient: string, code: number): void;
  accept(recipient: string): void;
  stop(): Promise<void>;
}

/** An in-process SMTP server (smtp-server) that keeps what it receives. */
export async function startSmtpSink(): Promise<TestSmtpSink> {
  const sent: SentMail[] = [];
  const rejections = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = rejections.get(address.address.toLowerCase());
      if (!code) return callback();
      const error = new Error(code >= 500 ? 'mailbox unavailable' : 'try again later') as Error & {
        responseCode: number;
      };
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        sent.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
          raw,
          parsed: await simpleParser(raw),
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    sent,
    reject: (recipient, code) => rejections.set(recipient.toLowerCase(), code),
    accept: (recipient) => rejections.delete(recipient.toLowerCase()),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** App settings for mail tests: the Dovecot mailbox and SMTP sink on loopback, jobs driven by the test. */
export function mailSettings(imap: TestImapServer, smtp?: TestSmtpSink): Record<string, string> {
  return {
    IMAP_URL: imap.url,
    IMAP_TLS: 'false',
    ...(smtp ? { SMTP_URL: smtp.url, SMTP_TLS: 'false' } : {}),
    MAIL_FROM: 'Offtrack Care <care@offtrack.test>',
    JOBS_ENABLED: 'false',
  };
}
