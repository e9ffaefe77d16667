import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { bulkUpsert } from '../database/bulk-insert.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { ConsentEvent, CustomerConsent } from './consent.entity.js';
import { WithdrawalNeedsNote } from './consent.errors.js';
import { type ConsentPurpose, type ConsentSource, type ConsentState, isNewEvent } from './consent.rules.js';
import type { RecordConsentDto } from './dto/consent.dto.js';
import { PRIVACY_POLICY_VERSION } from './privacy-policy-version.js';
import { UNSUBSCRIBE_PURPOSES, UnsubscribeLinks, type UnsubscribePurpose } from './unsubscribe-links.js';

export interface ConsentChange {
  customerId: string;
  purpose: ConsentPurpose;
  state: ConsentState;
  source: ConsentSource;
  note?: string | null;
  ticketId?: string | null;
}

export interface ConsentHistory {
  current: CustomerConsent[];
  events: ConsentEvent[];
}

/** The mail that asked to unsubscribe, so the confirmation threads to it and carries its ticket number. */
export interface UnsubscribeRequestMail {
  ticketId: string;
  ticketNumber: number;
  language: 'vi' | 'en';
  inReplyTo: string | null;
}

/** The consent log: who agreed to what, under which policy, and how they withdrew it. */
@Injectable()
export class ConsentService {
  private readonly logger = new Logger(ConsentService.name);
  private readonly unsubscribeLinks: UnsubscribeLinks;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly templates: MailTemplatesService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.unsubscribeLinks = new UnsubscribeLinks(config.appSecret);
  }

  /**
   * Appends the change to the log and moves the current state with it, in the caller's transaction; null when
   * it changes nothing (an automatic withdrawal of a consent already withdrawn).
   */
  async record(em: EntityManager, change: ConsentChange, actor: Actor): Promise<ConsentEvent | null> {
    const current = await em.findOne(CustomerConsent, {
      where: { customerId: change.customerId, purpose: change.purpose },
    });
    if (!isNewEvent(current?.state ?? null, change.state, change.source)) return null;
    const event = em.create(ConsentEvent, {
      customerId: change.customerId,
      purpose: change.purpose,
      state: change.state,
      source: change.source,
      policyVersion: PRIVACY_POLICY_VERSION,
      occurredAt: this.clock.now(),
      actorType: actor.type,
      actorId: actor.id,
      ticketId: change.ticketId ?? null,
      note: change.note?.slice(0, 500) ?? null,
    });
    await em.insert(ConsentEvent, event);
    await bulkUpsert(em, CustomerConsent, [
      {
        customerId: event.customerId,
        purpose: event.purpose,
        state: event.state,
        source: event.source,
        policyVersion: event.policyVersion,
        changedAt: event.occurredAt,
        lastEventId: event.id,
      },
    ]);
    await this.audit.record(em, actor, [
      {
        action: `consent.${change.state === 'given' ? 'give' : 'withdraw'}`,
        recordType: 'customer',
        recordId: change.customerId,
        fields: { [`consent.${change.purpose}`]: [current?.state ?? null, change.state] },
        reason: `source: ${change.source}`,
      },
    ]);
    this.logger.log(
      { customerId: change.customerId, purpose: change.purpose, state: change.state, source: change.source },
      'consent recorded',
    );
    return event;
  }

  /** Staff record what the customer told them; a withdrawal on the customer's behalf says how they asked. */
  recordByAgent(customerId: string, dto: RecordConsentDto, actor: Actor): Promise<ConsentHistory> {
    if (dto.state === 'withdrawn' && !dto.note?.trim()) throw new WithdrawalNeedsNote();
    return this.dataSource.transaction(async (em) => {
      await this.customers.findById(em, customerId);
      await this.record(
        em,
        {
          customerId,
          purpose: dto.purpose,
          state: dto.state,
          source: 'agent',
          note: dto.note?.trim() || null,
        },
        actor,
      );
      return this.historyOf(em, customerId);
    });
  }

  /** The customer's consents now and every event behind them, newest first; the read is audited. */
  history(customerId: string, actor: Actor): Promise<ConsentHistory> {
    return this.dataSource.transaction(async (em) => {
      await this.customers.findById(em, customerId);
      await this.audit.record(em, actor, [
        { action: 'consent.read', recordType: 'customer', recordId: customerId, fields: ['consents'] },
      ]);
      return this.historyOf(em, customerId);
    });
  }

  /** The token that stops this purpose's mail to this customer, for the links in every such mail. */
  unsubscribeToken(customerId: string, purpose: UnsubscribePurpose): string {
    return this.unsubscribeLinks.issue(customerId, purpose);
  }

  /** The customer and purpose an unsubscribe token names, or null when it is not one of ours. */
  async targetOfToken(
    token: string,
  ): Promise<{ id: string; language: 'vi' | 'en'; purpose: UnsubscribePurpose } | null> {
    const target = this.unsubscribeLinks.read(token);
    if (!target) return null;
    const customer = (await this.customers.summaries([target.customerId])).get(target.customerId);
    return customer
      ? {
          id: customer.id,
          language: customer.preferredLanguage === 'en' ? 'en' : 'vi',
          purpose: target.purpose,
        }
      : null;
  }

  /**
   * The unsubscribe link, followed (one-click POST or the page's button): the consent to the link's purpose,
   * and only that one, is withdrawn and the customer told by mail. Again and again is fine: only the first
   * changes anything.
   */
  unsubscribeByLink(customerId: string, purpose: UnsubscribePurpose): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const event = await this.record(
        em,
        { customerId, purpose, state: 'withdrawn', source: 'link' },
        SYSTEM_ACTOR,
      );
      if (event) await this.confirmUnsubscribe(em, customerId, purpose, null);
      return event !== null;
    });
  }

  /**
   * A mail from the customer asking to stop the newsletter, in the caller's transaction (the ticket it
   * opened commits with it). A mail does not say which list it means (the List-Unsubscribe mailto of a
   * marketing mail is the same "unsubscribe" as a newsletter's), so both the newsletter and marketing stop, as
   * the confirmation says. They are told even if it was stopped already: they asked and expect an answer.
   */
  async unsubscribeByMail(em: EntityManager, customerId: string, request: UnsubscribeRequestMail) {
    let changed = false;
    for (const purpose of UNSUBSCRIBE_PURPOSES) {
      const event = await this.record(
        em,
        { customerId, purpose, state: 'withdrawn', source: 'mail', ticketId: request.ticketId },
        SYSTEM_ACTOR,
      );
      changed ||= event !== null;
    }
    await this.confirmUnsubscribe(em, customerId, 'newsletter', request);
    return { changed };
  }

  private async confirmUnsubscribe(
    em: EntityManager,
    customerId: string,
    purpose: UnsubscribePurpose,
    request: UnsubscribeRequestMail | null,
  ): Promise<void> {
    const to = await this.customers.replyAddress(em, customerId);
    if (!to) return;
    const customer = await this.customers.findById(em, customerId);
    const language = request?.language ?? (customer.preferredLanguage === 'en' ? 'en' : 'vi');
    const text = await this.templates.render(em, `${purpose}_unsubscribed`, language, {
      customerName: customer.displayName,
    });
    await this.outbox.enqueue(em, {
      kind: 'notification',
      ticketId: request?.ticketId ?? null,
      to,
      subject: request ? withTicketToken(text.subject, request.ticketNumber) : text.subject,
      bodyText: text.bodyText,
      inReplyTo: request?.inReplyTo ?? null,
      references: request?.inReplyTo ? [request.inReplyTo] : [],
      autoSubmitted: request ? 'auto-replied' : 'auto-generated',
    });
  }

  private async historyOf(em: EntityManager, customerId: string): Promise<ConsentHistory> {
    const [current, events] = await Promise.all([
      em.find(CustomerConsent, { where: { customerId }, order: { purpose: 'ASC' } }),
      em.find(ConsentEvent, { where: { customerId }, order: { occurredAt: 'DESC', id: 'ASC' }, take: 500 }),
    ]);
    return { current, events };
  }
}
