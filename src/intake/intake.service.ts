import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor.js';
import { statusLinkExpiry, StatusLinks } from '../auth/status-links.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { asksToUnsubscribe } from '../consent/consent.rules.js';
import { ConsentService } from '../consent/consent.service.js';
import { CustomersService } from '../customers/customers.service.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import type { AttachmentFile } from '../tickets/attachments.service.js';
import { Category } from '../tickets/category.entity.js';
import type { Language, Ticket } from '../tickets/ticket.entity.js';
import { displayNumber } from '../tickets/ticket.entity.js';
import type { NewMessage } from '../tickets/tickets.service.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { TicketThreadService } from '../tickets/ticket-thread.service.js';
import { splitQuotedText } from '../tickets/quoted-text.rules.js';
import { guessLanguage } from './language.rules.js';

/** A complaint as it arrives, whatever the channel. */
export interface IncomingComplaint {
  channel: 'email' | 'web';
  from: { address: string; name: string };
  subject: string;
  text: string;
  html: string | null;
  files: AttachmentFile[];
  queueId: string;
  /** From the web form: the page's language, the customer's phone, and what they chose. */
  language?: Language;
  phone?: string | null;
  chosen?: { categoryKey?: string; bookingReference?: string | null; tags?: string[] };
  followUpOfId?: string | null;
  /** Mail facts of the message, when it came by mail. */
  mail?: NewMessage['mail'];
}

export interface FiledComplaint {
  ticket: Ticket;
  messageId: string;
  acknowledged: boolean;
}

/** Turns an arriving complaint into a ticket for the right customer, and acknowledges it once. */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);
  private readonly statusLinks: StatusLinks;

  constructor(
    private readonly customers: CustomersService,
    private readonly tickets: TicketsService,
    private readonly thread: TicketThreadService,
    private readonly consent: ConsentService,
    private readonly outbox: OutboxService,
    private readonly templates: MailTemplatesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.statusLinks = new StatusLinks(config.appSecret);
  }

  /** Everything in the caller's transaction: the ticket, its first message and the acknowledgement commit together. */
  async file(em: EntityManager, complaint: IncomingComplaint, actor: Actor): Promise<FiledComplaint> {
    const language = complaint.language ?? guessLanguage(`${complaint.subject}\n${complaint.text}`) ?? 'vi';
    // Only a customer already on record can stop a newsletter by mail: a stranger was never sent one.
    const knownCustomerId =
      complaint.channel === 'email' &&
      asksToUnsubscribe(complaint.subject, splitQuotedText(complaint.text).visible)
        ? await this.customers.idByEmail(em, complaint.from.address)
        : null;
    const customer = await this.customers.findOrCreateByEmail(
      em,
      {
        email: complaint.from.address,
        displayName: complaint.from.name,
        preferredLanguage: language,
        phone: complaint.phone ?? undefined,
      },
      actor,
    );
    const category = complaint.chosen?.categoryKey
      ? await em.findOne(Category, { where: { key: complaint.chosen.categoryKey, isActive: true } })
      : null;
    const {
      ticket,
      message,
      category: filedUnder,
    } = await this.tickets.open(em, actor, {
      customer,
      queueId: complaint.queueId,
      subject: complaint.subject,
      channel: complaint.channel,
      language,
      followUpOfId: complaint.followUpOfId,
      chosen: {
        category,
        categoryChosenBy: 'customer',
        bookingReference: complaint.chosen?.bookingReference,
      },
      tags: complaint.chosen?.tags,
      message: {
        direction: 'inbound',
        authorType: 'customer',
        body: complaint.text || '(no text)',
        bodyHtml: complaint.html,
        files: complaint.files,
        mail: complaint.mail,
      },
    });
    if (knownCustomerId === customer.id && filedUnder.key === 'newsletter') {
      await this.unsubscribe(em, ticket, complaint);
      return { ticket, messageId: message.id, acknowledged: true };
    }
    const acknowledged = await this.acknowledge(em, ticket, customer.displayName, complaint);
    this.logger.log({ ticketId: ticket.id, number: ticket.number, acknowledged }, 'complaint filed');
    return { ticket, messageId: message.id, acknowledged };
  }

  /**
   * A known customer's mail asking to stop the newsletter is honoured without an agent (the policy says it
   * can be stopped at any time): consent withdrawn, the ticket resolved with a note saying so, and a
   * confirmation instead of the acknowledgement. Both the classifier and the request rules must agree.
   */
  private async unsubscribe(em: EntityManager, ticket: Ticket, complaint: IncomingComplaint) {
    const { changed } = await this.consent.unsubscribeByMail(em, ticket.customerId, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      language: ticket.language,
      inReplyTo: complaint.mail?.messageId ?? null,
    });
    const note = changed
      ? 'The customer asked by mail to stop the newsletter: newsletter consent withdrawn automatically, ' +
        'marketing consent with it (source: mail), confirmation sent, ticket resolved. Later newsletter and ' +
        'marketing sends skip this customer.'
      : 'The customer asked by mail to stop the newsletter; it was already withdrawn. Confirmation sent, ' +
        'ticket resolved.';
    await this.thread.resolveWithNote(em, ticket, note, SYSTEM_ACTOR);
    this.logger.log({ ticketId: ticket.id, changed }, 'newsletter unsubscribed by mail');
  }

  /**
   * One automatic acknowledgement per new ticket, in the ticket's language, unless this address already got
   * MAIL_ACKS_PER_SENDER_PER_HOUR of them in the last hour: two auto-responders must not ping-pong.
   */
  private async acknowledge(
    em: EntityManager,
    ticket: Ticket,
    customerName: string,
    complaint: IncomingComplaint,
  ) {
    const since = new Date(this.clock.now().getTime() - 3600_000);
    const recent = await this.outbox.countAutomaticTo(em, complaint.from.address, since);
    if (recent >= this.config.mail.acksPerSenderPerHour) {
      this.logger.warn({ ticketId: ticket.id, recent }, 'acknowledgement withheld: per-sender cap reached');
      return false;
    }
    const number = displayNumber(ticket.number);
    const statusToken = this.statusLinks.issue({
      ticketId: ticket.id,
      customerId: ticket.customerId,
      expiresAt: statusLinkExpiry(this.clock.now()),
    });
    const text = await this.templates.render(em, 'acknowledgement', ticket.language, {
      customerName,
      ticketNumber: number,
      subject: ticket.subject,
      statusUrl: `${this.config.publicUrl}/status/${statusToken}`,
    });
    const original = complaint.mail?.messageId;
    await this.outbox.enqueue(em, {
      kind: 'acknowledgement',
      ticketId: ticket.id,
      to: complaint.from.address,
      subject: withTicketToken(text.subject, ticket.number),
      bodyText: text.bodyText,
      inReplyTo: original ?? null,
      references: [...(complaint.mail?.references ?? []), ...(original ? [original] : [])],
      autoSubmitted: 'auto-replied',
    });
    return true;
  }
}
