import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataRequestsService } from '../data-requests/data-requests.service.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { type StatusLinkClaim, statusLinkExpiry, StatusLinks } from '../auth/status-links.js';
import { Clock } from '../common/clock.js';
import { ConsentService } from '../consent/consent.service.js';
import { formatLocal } from '../common/time.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { Customer } from '../customers/customer.entity.js';
import { IntakeService } from '../intake/intake.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { SlaPoliciesService } from '../sla/sla-policies.service.js';
import type { AttachmentFile } from '../tickets/attachments.service.js';
import { displayNumber, type Language, type Ticket } from '../tickets/ticket.entity.js';
import { TicketThreadService } from '../tickets/ticket-thread.service.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { Complaint } from './complaint-form.rules.js';
import { translator } from './i18n.js';
import { procedureTimes } from './procedure.rules.js';

const CONTENT = join(dirname(fileURLToPath(import.meta.url)), 'content');
const PRIVACY_POLICY: Record<Language, string[]> = {
  vi: paragraphsOf(join(CONTENT, 'privacy-policy.vi.txt')),
  en: paragraphsOf(join(CONTENT, 'privacy-policy.en.txt')),
};

function paragraphsOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
/** Where the desk's customers mostly are; the status page shows times in it. */
/** Where a customer record has no zone of its own. */
const SHOWN_ZONE = 'Asia/Ho_Chi_Minh';

export interface StatusPage {
  number: string;
  subject: string;
  state: string;
  canReply: boolean;
  /** The language the customer chose, for a browser that states neither Vietnamese nor English. */
  preferredLanguage: Language;
  messages: { fromCustomer: boolean; at: string; shownAt: string; text: string; files: string[] }[];
}

/** The customer's side of the desk, without accounts: filing a complaint, and following it by signed link. */
@Injectable()
export class CustomerPagesService {
  private readonly logger = new Logger(CustomerPagesService.name);
  private readonly links: StatusLinks;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly consent: ConsentService,
    private readonly tickets: TicketsService,
    private readonly thread: TicketThreadService,
    private readonly customers: CustomersService,
    private readonly queues: QueuesService,
    private readonly outbox: OutboxService,
    private readonly policies: SlaPoliciesService,
    private readonly dataRequests: DataRequestsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.links = new StatusLinks(config.appSecret);
  }

  /** Files the complaint as a web ticket (routed, acknowledged by mail) and returns its status link token. */
  async file(complaint: Complaint, files: AttachmentFile[], language: Language): Promise<string> {
    const t = translator(language);
    const ticket = await this.dataSource.transaction(async (em) => {
      const filed = await this.intake.file(
        em,
        {
          channel: 'web',
          from: { address: complaint.email, name: complaint.name },
          subject: `${t(`topic.${complaint.topic}`)}: ${firstWords(complaint.description, 80)}`,
          text: complaint.description,
          html: null,
          files,
          queueId: (await this.queues.defaultQueue(em)).id,
          language,
          phone: complaint.phoneE164,
          chosen: {
            // "Something else" is no choice: the classifier reads the words instead.
            categoryKey: complaint.topic === 'general' ? undefined : complaint.topic,
            bookingReference: complaint.bookingReference,
          },
        },
        SYSTEM_ACTOR,
      );
      // The form cannot be sent without the data-processing tick; the newsletter tick is optional.
      const given = { customerId: filed.ticket.customerId, state: 'given', source: 'form' } as const;
      const ticketId = filed.ticket.id;
      await this.consent.record(em, { ...given, purpose: 'service', ticketId }, SYSTEM_ACTOR);
      if (complaint.newsletter)
        await this.consent.record(em, { ...given, purpose: 'newsletter', ticketId }, SYSTEM_ACTOR);
      if (complaint.dataRequest)
        await this.dataRequests.fileWithin(
          em,
          filed.ticket,
          { type: complaint.dataRequest, channel: 'form' },
          SYSTEM_ACTOR,
        );
      return filed.ticket;
    });
    return this.linkFor(ticket);
  }

  check(token: string) {
    return this.links.check(token, this.clock.now());
  }

  async statusPage(claim: StatusLinkClaim): Promise<StatusPage | null> {
    const em = this.dataSource.manager;
    const ticket = await this.tickets.findById(em, claim.ticketId);
    if (!ticket || ticket.customerId !== claim.customerId) return null;
    const [thread, customer] = await Promise.all([
      this.tickets.publicThread(em, ticket.id),
      em.findOne(Customer, {
        where: { id: ticket.customerId },
        select: { id: true, timeZone: true, preferredLanguage: true },
      }),
    ]);
    const zone = customer?.timeZone || SHOWN_ZONE;
    return {
      number: displayNumber(ticket.number),
      subject: ticket.subject,
      state: ticket.state,
      canReply: this.thread.acceptsCustomerMessage(ticket),
      preferredLanguage: customer?.preferredLanguage === 'en' ? 'en' : 'vi',
      messages: thread.map(({ message, fileNames }) => ({
        fromCustomer: message.direction === 'inbound',
        at: message.createdAt.toISOString(),
        shownAt: formatLocal(message.createdAt, zone),
        text: message.bodyText,
        files: fileNames,
      })),
    };
  }

  async reply(claim: StatusLinkClaim, body: string, files: AttachmentFile[]): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const ticket = await this.tickets.findById(em, claim.ticketId, { forUpdate: true });
      if (!ticket || ticket.customerId !== claim.customerId || !this.thread.acceptsCustomerMessage(ticket)) {
        return false;
      }
      await this.thread.addCustomerMail(
        em,
        ticket,
        { direction: 'inbound', authorType: 'customer', body, files },
        SYSTEM_ACTOR,
        false,
      );
      return true;
    });
  }

  /**
   * Mails a fresh status link when the number and address belong together; says nothing either way, so the
   * form cannot be used to learn whether a ticket or a customer exists.
   */
  async sendLink(numberText: string, email: string, language: Language): Promise<void> {
    const number = Number(/(\d{4,})/.exec(numberText)?.[1]);
    if (!number) return;
    await this.dataSource.transaction(async (em) => {
      const ticket = await this.tickets.findByNumber(em, number);
      if (!ticket) return;
      const addresses = await this.customers.emailsOf(em, ticket.customerId);
      const address = email.trim().toLowerCase();
      if (!addresses.includes(address)) return;
      const t = translator(language);
      const url = `${this.config.publicUrl}/status/${this.linkFor(ticket)}`;
      await this.outbox.enqueue(em, {
        kind: 'notification',
        ticketId: ticket.id,
        to: address,
        subject: withTicketToken(t('lookup.title'), ticket.number),
        bodyText: `${t('status.title', { number: displayNumber(ticket.number) })}\n\n${url}\n`,
        autoSubmitted: 'auto-generated',
      });
      this.logger.log({ ticketId: ticket.id }, 'status link sent');
    });
  }

  /** What the published complaint procedure says, from the desk's own settings. */
  async procedure(language: Language) {
    const { policies } = await this.policies.settings();
    return { address: this.config.mail.from.address, times: procedureTimes(policies, language) };
  }

  /** The published privacy policy, paragraph by paragraph (the Vietnamese text is the one published). */
  privacyPolicy(language: Language): string[] {
    return PRIVACY_POLICY[language];
  }

  private linkFor(ticket: Ticket): string {
    const expiresAt = statusLinkExpiry(this.clock.now());
    return this.links.issue({ ticketId: ticket.id, customerId: ticket.customerId, expiresAt });
  }
}

/** The start of a text, cut at a word and marked as cut: "Xe đón trễ 2 tiếng ở Hội An…". */
function firstWords(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}
