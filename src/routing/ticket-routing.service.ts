import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Agent } from '../auth/agent.entity.js';
import { ClassificationService } from '../classification/classification.service.js';
import { guessLanguage } from '../intake/language.rules.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { Queue } from '../queues/queue.entity.js';
import { QueuesService } from '../queues/queues.service.js';
import { Category } from '../tickets/category.entity.js';
import type { Channel, Language, Priority, Ticket } from '../tickets/ticket.entity.js';
import { displayNumber } from '../tickets/ticket.entity.js';
import type { RoutingDecisionView, RoutingDryRunDto } from './dto/routing-rule.dto.js';
import { RoutingRulesService } from './routing-rules.service.js';
import { regionOf, routeTicket } from './routing-rules.rules.js';

export interface RoutingInput {
  subject: string;
  body: string;
  channel: Channel;
  language: Language;
  senderAddress: string | null;
  customer: { country: string | null; isVulnerable: boolean };
  /** The queue the ticket goes to unless a rule says otherwise (the mailbox's, or the default). */
  baseQueueId: string;
  /** What whoever opened the ticket chose; rules do not override it. */
  chosen?: {
    queueId?: string;
    priority?: Priority;
    category?: Category | null;
    /** Who chose the category: an agent opening the ticket, or the customer picking a topic on the form. */
    categoryChosenBy?: 'agent' | 'customer';
    bookingReference?: string | null;
  };
}

export interface RoutingDecision {
  queue: Queue;
  priority: Priority;
  category: Category;
  categorySource: 'agent' | 'customer' | 'auto';
  /** Why the category: the classifier's words, or the rule that set it. */
  explanation: string | null;
  matchedWords: string[];
  bookingReference: string | null;
  tags: string[];
  assigneeId: string | null;
  notifySupervisors: boolean;
  fired: { id: string; name: string }[];
}

/** Decides where a new ticket goes: category and booking reference from its text, then the routing rules. */
@Injectable()
export class TicketRoutingService {
  private readonly logger = new Logger(TicketRoutingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classification: ClassificationService,
    private readonly rules: RoutingRulesService,
    private readonly queues: QueuesService,
    private readonly outbox: OutboxService,
    private readonly templates: MailTemplatesService,
  ) {}

  async decide(em: EntityManager, input: RoutingInput): Promise<RoutingDecision> {
    const chosen = input.chosen ?? {};
    const classified = chosen.category ? null : await this.classification.classify(em, input);
    const bookingReference =
      chosen.bookingReference?.trim() ||
      this.classification.bookingReference(`${input.subject}\n${input.body}`);
    const category = (chosen.category ?? classified?.category)!;
    const outcome = routeTicket(await this.rules.activeRules(em), {
      senderAddress: input.senderAddress,
      subject: input.subject,
      body: input.body,
      language: input.language,
      channel: input.channel,
      categoryKey: category.key,
      customerCountry: input.customer.country,
      customerVulnerable: input.customer.isVulnerable,
      bookingReference,
    });
    const ruleCategory =
      !chosen.category && outcome.categoryKey && outcome.categoryKey !== category.key
        ? await em.findOne(Category, { where: { key: outcome.categoryKey, isActive: true } })
        : null;
    const matchedWords = classified?.matched ?? [];
    return {
      queue: await this.queueFor(em, chosen.queueId ?? outcome.queueId, input.baseQueueId),
      priority: chosen.priority ?? outcome.priority ?? 'normal',
      category: ruleCategory ?? category,
      categorySource: chosen.category ? (chosen.categoryChosenBy ?? 'agent') : 'auto',
      explanation: ruleCategory
        ? `rule: ${outcome.categorySetBy?.name ?? ''}`.slice(0, 255)
        : matchedWords.join(', ').slice(0, 255) || null,
      matchedWords,
      bookingReference,
      tags: outcome.tags,
      assigneeId: outcome.assigneeId ? await this.activeAgentId(em, outcome.assigneeId) : null,
      notifySupervisors: outcome.notifySupervisors,
      fired: outcome.fired,
    };
  }

  /** What would happen to a message, without creating anything. */
  async dryRun(dto: RoutingDryRunDto): Promise<RoutingDecisionView> {
    const em = this.dataSource.manager;
    const language = dto.language ?? guessLanguage(`${dto.subject}\n${dto.body}`) ?? 'vi';
    const decision = await this.decide(em, {
      subject: dto.subject,
      body: dto.body,
      channel: dto.channel ?? 'email',
      language,
      senderAddress: dto.senderAddress?.toLowerCase() ?? null,
      customer: {
        country: dto.customerCountry?.toUpperCase() ?? null,
        isVulnerable: dto.customerVulnerable ?? false,
      },
      baseQueueId: (await this.queues.defaultQueue(em)).id,
    });
    return {
      categoryKey: decision.category.key,
      matchedWords: decision.matchedWords,
      bookingReference: decision.bookingReference,
      language,
      customerRegion: regionOf(dto.customerCountry ?? null),
      firedRules: decision.fired,
      queueId: decision.queue.id,
      queueName: decision.queue.name,
      priority: decision.priority,
      tags: decision.tags,
      assigneeId: decision.assigneeId,
      notifySupervisors: decision.notifySupervisors,
    };
  }

  /** Mails every active supervisor (admins if there is none) in their language, with the ticket. */
  async alertSupervisors(em: EntityManager, ticket: Ticket, decision: RoutingDecision): Promise<number> {
    let staff = await em.find(Agent, { where: { role: 'supervisor', isActive: true } });
    if (staff.length === 0) staff = await em.find(Agent, { where: { role: 'admin', isActive: true } });
    for (const agent of staff) {
      const text = await this.templates.render(em, 'supervisor_alert', agent.language, {
        ticketNumber: displayNumber(ticket.number),
        subject: ticket.subject,
        queueName: decision.queue.name,
        rule: decision.fired.map((rule) => rule.name).join(', '),
      });
      await this.outbox.enqueue(em, {
        kind: 'notification',
        ticketId: ticket.id,
        to: agent.email,
        subject: withTicketToken(text.subject, ticket.number),
        bodyText: text.bodyText,
        autoSubmitted: 'auto-generated',
      });
    }
    this.logger.log({ ticketId: ticket.id, notified: staff.length }, 'supervisors alerted');
    return staff.length;
  }

  /** The queue a rule or the opener named if it can take tickets, else the base queue. */
  private async queueFor(em: EntityManager, wanted: string | undefined, baseQueueId: string): Promise<Queue> {
    if (wanted) {
      const queue = await this.queues.activeQueue(wanted, em).catch(() => null);
      if (queue) return queue;
      this.logger.warn({ queueId: wanted }, 'routed to a missing or inactive queue; using the base queue');
    }
    return this.queues.activeQueue(baseQueueId, em);
  }

  private async activeAgentId(em: EntityManager, id: string): Promise<string | null> {
    return (await em.findOne(Agent, { where: { id, isActive: true }, select: { id: true } }))?.id ?? null;
  }
}
