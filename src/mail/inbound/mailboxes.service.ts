import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, isLoopbackHost } from '../../config/app-config.js';
import { Clock } from '../../common/clock.js';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { isUniqueViolation } from '../../common/errors/database-errors.js';
import { Conflict, Invalid, NotFound } from '../../common/errors/domain-error.js';
import { QueuesService } from '../../queues/queues.service.js';
import type { CreateMailboxDto, UpdateMailboxDto } from './dto/mailbox.dto.js';
import { createImapClient } from './imap-client.js';
import type { ImapCredentials } from './imap-client.js';
import { Mailbox } from './mailbox.entity.js';

@Injectable()
export class MailboxesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailboxesService.name);
  private readonly passwords: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.passwords = new SecretBox(config.appSecret, 'mailbox-password');
  }

  /** Keeps the mailbox IMAP_URL describes in step with the environment, so ops configure it in one place. */
  async onApplicationBootstrap(): Promise<void> {
    const imap = this.config.mail.imap;
    if (!imap) return;
    const repository = this.dataSource.getRepository(Mailbox);
    const existing = await repository.findOne({ where: { source: 'env' } });
    const fields = {
      name: 'Official address (IMAP_URL)',
      address: this.config.mail.from.address,
      imapHost: imap.host,
      imapPort: imap.port,
      imapSecurity: imap.tls,
      imapUsername: imap.username,
      imapPasswordEncrypted: this.passwords.seal(imap.password),
      imapFolder: imap.folder,
      isActive: true,
      updatedAt: this.clock.now(),
    };
    if (existing) {
      const moved = existing.imapHost !== imap.host || existing.imapFolder !== imap.folder;
      await repository.update(
        { id: existing.id },
        moved ? { ...fields, uidValidity: null, lastUid: 0 } : fields,
      );
    } else {
      const queue = await this.queues.defaultQueue();
      await repository.insert({
        ...fields,
        source: 'env',
        defaultQueueId: queue.id,
        lastUid: 0,
        createdAt: this.clock.now(),
      });
    }
    this.logger.log({ host: imap.host, folder: imap.folder }, 'mailbox from IMAP_URL ready');
  }

  active(): Promise<Mailbox[]> {
    return this.dataSource
      .getRepository(Mailbox)
      .find({ where: { isActive: true }, order: { createdAt: 'ASC' } });
  }

  list(): Promise<Mailbox[]> {
    return this.dataSource.getRepository(Mailbox).find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<Mailbox> {
    const mailbox = await this.dataSource.getRepository(Mailbox).findOne({ where: { id } });
    if (!mailbox) throw new NotFound('mailbox', id);
    return mailbox;
  }

  /** Addresses that are the desk itself: mail from them is never a complaint (loop protection). */
  ownAddresses(mailboxes: Mailbox[]): string[] {
    return [...new Set([this.config.mail.from.address, ...mailboxes.map((mailbox) => mailbox.address)])];
  }

  credentials(mailbox: Mailbox): ImapCredentials {
    return {
      host: mailbox.imapHost,
      port: mailbox.imapPort,
      security: mailbox.imapSecurity,
      username: mailbox.imapUsername,
      password: this.passwords.open(mailbox.imapPasswordEncrypted),
    };
  }

  async create(dto: CreateMailboxDto): Promise<Mailbox> {
    this.checkSecurity(dto.imapSecurity, dto.imapHost);
    await this.queues.activeQueue(dto.defaultQueueId);
    const now = this.clock.now();
    const mailbox = this.dataSource.getRepository(Mailbox).create({
      name: dto.name,
      address: dto.address.toLowerCase(),
      source: 'admin',
      imapHost: dto.imapHost,
      imapPort: dto.imapPort,
      imapSecurity: dto.imapSecurity,
      imapUsername: dto.imapUsername,
      imapPasswordEncrypted: this.passwords.seal(dto.imapPassword),
      imapFolder: dto.imapFolder ?? 'INBOX',
      defaultQueueId: dto.defaultQueueId,
      isActive: true,
      uidValidity: null,
      lastUid: 0,
      lastFetchAt: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.dataSource.getRepository(Mailbox).insert(mailbox);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`A mailbox for ${dto.address} already exists`);
      throw error;
    }
    return mailbox;
  }

  async update(id: string, dto: UpdateMailboxDto): Promise<Mailbox> {
    const mailbox = await this.get(id);
    if (mailbox.source === 'env')
      throw new Conflict('This mailbox comes from IMAP_URL; change the environment instead');
    const { imapPassword, ...fields } = dto;
    this.checkSecurity(fields.imapSecurity ?? mailbox.imapSecurity, fields.imapHost ?? mailbox.imapHost);
    if (fields.defaultQueueId) await this.queues.activeQueue(fields.defaultQueueId);
    Object.assign(mailbox, fields, { updatedAt: this.clock.now() });
    if (imapPassword) mailbox.imapPasswordEncrypted = this.passwords.seal(imapPassword);
    return this.dataSource.getRepository(Mailbox).save(mailbox);
  }

  /** Signs in and opens the folder, to tell an admin whether the settings work; never throws. */
  async testConnection(id: string): Promise<{ ok: boolean; error: string | null; messages: number | null }> {
    const mailbox = await this.get(id);
    const client = createImapClient(this.credentials(mailbox));
    try {
      await client.connect();
      const status = await client.status(mailbox.imapFolder, { messages: true });
      return { ok: true, error: null, messages: status ? (status.messages ?? null) : null };
    } catch (error) {
      return { ok: false, error: (error as Error).message, messages: null };
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  async recordFetch(id: string, error: string | null): Promise<void> {
    await this.dataSource
      .getRepository(Mailbox)
      .update({ id }, { lastFetchAt: this.clock.now(), lastError: error?.slice(0, 500) ?? null });
  }

  private checkSecurity(security: string, host: string): void {
    if (security === 'none' && !isLoopbackHost(host)) {
      throw new Invalid('imapSecurity "none" is only allowed for a loopback host');
    }
  }
}
