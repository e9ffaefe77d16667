import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AgentsService } from '../auth/agents.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Invalid, NotFound } from '../common/errors/domain-error.js';
import { sanitizeUserHtml } from '../common/text/html.js';
import { foldForSearch } from '../common/text/search-text.js';
import type { Customer } from '../customers/customer.entity.js';
import type { Channel, Language } from './ticket.entity.js';
import { CustomersService } from '../customers/customers.service.js';
import { SlaClocksService } from '../sla/sla-clocks.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { AssignmentService } from '../queues/assignment.service.js';
import { QueueCountsService } from '../queues/queue-counts.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { type RoutingInput, TicketRoutingService } from '../routing/ticket-routing.service.js';
import { type AttachmentFile, AttachmentsService } from './attachments.service.js';
import { Category } from './category.entity.js';
import { CreateTicketDto, ListTicketsQuery, UpdateTicketDto } from './dto/ticket.dto.js';
import {
  type MessageView,
  TicketDetailView,
  TicketPage,
  TicketView,
  toMessageView,
  toTicketEventView,
  toTicketView,
} from './dto/ticket.view.js';
import { Message, type MessageAuthorType, type MessageDirection } from './message.entity.js';
import { TicketEvent, type TicketEventKind } from './ticket-event.entity.js';
import { displayNumber, FIRST_TICKET_NUMBER, priorityRank, Ticket, TicketNumber } from './ticket.entity.js';
import { StateMoveRefused, TicketChanged, UnknownCategory } from './ticket.errors.js';
import { listTickets, type WorkScope } from './ticket.queries.js';
import { changeState, type TicketState } from './ticket-state.rules.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { forUpdate } from '../database/locking.js';
import { maskMessage, maySeeSensitiveData } from '../sensitive-data/sensitive-data.rules.js';

/** `forUpdate`: hold the ticket's row until the transaction ends (MySQL; SQLite writes one at a time). */
export interface TicketLock {
  forUpdate?: boolean;
}

export interface TicketChange {
  kind: TicketEventKind;
  from?: string | null;
  to?: string | null;
}

export interface NewMessage {
  direction: MessageDirection;
  authorType: MessageAuthorType;
  authorAgentId?: string | null;
  authorCustomerId?: string | null;
  body: string;
  bodyHtml?: string | null;
  files?: AttachmentFile[];
  /** Mail facts, for messages that arrived or leave as e-mail. */
  mail?: {
    messageId: string | null;
    inReplyTo?: string | null;
    references?: string[];
    fromAddress?: string | null;
    to?: string[];
    cc?: string[];
    rawMailId?: string | null;
  };
}

export interface NewTicket {
  customer: Customer;
  /** Where the ticket goes unless a routing rule says otherwise: the mailbox's queue, or the default. */
  queueId: string;
  subject: string;
  channel: Channel;
  language?: Language;
  /** Who wrote it, for rules on the sender; mail gives it in `message.mail`. */
  senderAddress?: string | null;
  /** What the agent opening the ticket chose; routing rules do not override it. */
  chosen?: RoutingInput['chosen'];
  tags?: string[];
  followUpOfId?: string | null;
  message: NewMessage;
}

@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly queues: QueuesService,
    private readonly agents: AgentsService,
    private readonly audit: AuditService,
    private readonly attachments: AttachmentsService,
    private readonly outbox: OutboxService,
    private readonly routing: TicketRoutingService,
    private readonly assignment: AssignmentService,
    private readonly counts: QueueCountsService,
    private readonly sla: SlaClocksService,
    private readonly clock: Clock,
  ) {}

  /** Opens a ticket on behalf of a customer, with their first message. */
  async create(dto: CreateTicketDto, actor: Actor): Promise<TicketDetailView> {
    const view = await this.dataSource.transaction(async (em) => {
      const customer = dto.customerId
        ? await this.customers.findById(em, dto.customerId)
        : await this.customers.findOrCreateByEmail(em, dto.customer!, actor);
      const queue = dto.queueId
        ? await this.queues.activeQueue(dto.queueId, em)
        : await this.queues.defaultQueue(em);
      const chosenCategory = dto.categoryKey ? await this.categoryByKey(em, dto.categoryKey) : null;
      const { ticket, category, message, attachments } = await this.open(em, actor, {
        customer,
        queueId: queue.id,
        subject: dto.subject,
        channel: dto.channel ?? 'api',
        language: dto.language,
        // Sender rules see the address of a known customer too, as if they had written in.
        senderAddress: dto.customer?.email ?? (await this.customers.primaryEmailOf(em, customer.id)),
        chosen: {
          queueId: dto.queueId,
          priority: dto.priority,
          category: chosenCategory,
          bookingReference: dto.bookingReference,
        },
        tags: dto.tags,
        message: {
          direction: 'inbound',
          authorType: 'customer',
          body: dto.body,
          bodyHtml: dto.bodyHtml,
          files: AttachmentsService.fromUploads(dto.attachments),
        },
      });
      const sla = await this.sla.views(em, [ticket.id], this.clock.now());
      return {
        ...toTicketView(ticket, customer, category, sla.get(ticket.id)),
        messages: [toMessageView(message, attachments)],
      };
    });
    this.logger.log({ ticketId: view.id, number: view.number }, 'ticket created');
    return view;
  }

  /**
   * Opens a ticket with its first message inside the caller's transaction: the API above, and intake for
   * mail and the web form.
   */
  async open(em: EntityManager, actor: Actor, spec: NewTicket) {
    const now = this.clock.now();
    const subject = spec.subject.trim() || '(no subject)';
    const language = spec.language ?? spec.customer.preferredLanguage;
    const routed = await this.routing.decide(em, {
      subject,
      body: spec.message.body,
      channel: spec.channel,
      language,
      senderAddress: spec.message.mail?.fromAddress ?? spec.senderAddress ?? null,
      customer: spec.customer,
      baseQueueId: spec.queueId,
      chosen: spec.chosen,
    });
    const assigneeId = routed.assigneeId ?? (await this.assignment.pick(em, routed.queue));
    const number = await this.allocateNumber(em, now);
    const ticket = em.create(Ticket, {
      // Known before the insert, so the SLA clocks are timed first and the due time goes in with the row.
      id: randomUUID(),
      number,
      subject,
      state: 'new',
      priority: routed.priority,
      priorityRank: priorityRank(routed.priority),
      categoryId: routed.category.id,
      categorySource: routed.categorySource,
      categoryExplanation: routed.explanation,
      channel: spec.channel,
      language,
      queueId: routed.queue.id,
      assigneeId,
      customerId: spec.customer.id,
      bookingReference: routed.bookingReference?.slice(0, 40) ?? null,
      tags: JSON.stringify(normalizeTags([...(spec.tags ?? []), ...routed.tags])),
      mergedIntoId: null,
      followUpOfId: spec.followUpOfId ?? null,
      version: 1,
      lastMessageSeq: 0,
      createdAt: now,
      updatedAt: now,
      firstRespondedAt: null,
      lastCustomerMessageAt: now,
      lastAgentMessageAt: null,
      dueAt: null,
      resolvedAt: null,
      closedAt: null,
    });
    ticket.searchText = searchTextOf(ticket);
    const clocks = await this.sla.start(
      em,
      ticket,
      {
        priority: ticket.priority,
        categoryKey: routed.category.key,
        queueId: ticket.queueId,
        channel: ticket.channel,
        vulnerable: spec.customer.isVulnerable,
      },
      now,
    );
    await em.insert(Ticket, ticket);
    await this.sla.insertStarted(em, clocks);
    await this.counts.moved(em, null, ticket);
    const { message, attachments } = await this.appendMessage(em, ticket, now, {
      ...spec.message,
      authorCustomerId: spec.customer.id,
    });
    const changes: TicketChange[] = [{ kind: 'created', to: displayNumber(number) }];
    if (spec.followUpOfId) changes.push({ kind: 'follow_up_of', to: spec.followUpOfId });
    if (routed.fired.length > 0) {
      changes.push({
        kind: 'routed',
        to: routed.fired
          .map((rule) => rule.name)
          .join('; ')
          .slice(0, 255),
      });
    }
    if (assigneeId) changes.push({ kind: 'assignee_changed', from: null, to: assigneeId });
    await this.recordEvents(em, ticket, actor, now, changes);
    if (routed.notifySupervisors) await this.routing.alertSupervisors(em, ticket, routed);
    await this.audit.record(em, actor, [
      { action: 'ticket.create', recordType: 'ticket', recordId: ticket.id },
    ]);
    return { ticket, category: routed.category, message, attachments };
  }

  async list(query: ListTicketsQuery, actor: Actor): Promise<TicketPage> {
    const page = await listTickets(this.dataSource.manager, { ...query, scope: await this.scopeOf(actor) });
    return { items: await this.toViews(this.dataSource.manager, page.items), nextCursor: page.nextCursor };
  }

  /** What the customer may see of their ticket: the public messages, with the names of their files. */
  async publicThread(em: EntityManager, ticketId: string) {
    const messages = await em.find(Message, {
      where: { ticketId, visibility: 'public' },
      order: { threadSeq: 'ASC' },
    });
    const attachments = await this.attachments.forMessages(
      messages.map((message) => message.id),
      em,
    );
    return messages
      .filter((message) => message.direction !== 'note')
      .map((message) => ({
        message,
        fileNames: attachments.filter((file) => file.messageId === message.id).map((file) => file.fileName),
      }));
  }

  /**
   * The ticket with its whole thread, internal notes included; the read is audited. Card, citizen ID and
   * passport numbers in messages are masked unless the reader may see them.
   */
  async get(id: string, actor: Actor): Promise<TicketDetailView> {
    const showsSensitiveData = await this.maySeeSensitiveData(actor);
    return this.dataSource.transaction(async (em) => {
      const ticket = await this.loadForWork(em, id, actor);
      const messages = await em.find(Message, {
        where: { ticketId: id },
        order: { threadSeq: 'ASC' },
      });
      const messageIds = messages.map((message) => message.id);
      const attachments = await this.attachments.forMessages(messageIds, em);
      const deliveries = await this.outbox.deliveriesOf(messageIds, em);
      const [view] = await this.toViews(em, [ticket]);
      await this.audit.record(em, actor, [
        { action: 'ticket.read', recordType: 'ticket', recordId: id, fields: ['thread', 'customer'] },
      ]);
      return {
        ...view,
        messages: messages.map((message) => {
          const stored = toMessageView(
            message,
            attachments.filter((attachment) => attachment.messageId === message.id),
            deliveries.get(message.id) ?? null,
          );
          return showsSensitiveData ? stored : maskMessage(stored);
        }),
      };
    });
  }

  /** One message of the ticket as stored, unmasked: for a reader who gave a reason to see it in full. */
  async storedMessage(em: EntityManager, ticketId: string, messageId: string): Promise<MessageView> {
    const message = await em.findOne(Message, { where: { id: messageId, ticketId } });
    if (!message) throw new NotFound('message', messageId);
    const attachments = await this.attachments.forMessages([message.id], em);
    const deliveries = await this.outbox.deliveriesOf([message.id], em);
    return toMessageView(message, attachments, deliveries.get(message.id) ?? null);
  }

  private async maySeeSensitiveData(actor: Actor): Promise<boolean> {
    if (actor.type === 'system' || actor.role === 'admin') return true;
    return maySeeSensitiveData(actor.role, (await this.agents.get(actor.id)).canViewSensitive);
  }

  categories(): Promise<Category[]> {
    return this.dataSource
      .getRepository(Category)
      .find({ where: { isActive: true }, order: { sortOrder: 'ASC' } });
  }

  async events(id: string, actor: Actor) {
    await this.loadForWork(this.dataSource.manager, id, actor);
    const events = await this.dataSource
      .getRepository(TicketEvent)
      .find({ where: { ticketId: id }, order: { occurredAt: 'ASC', ticketVersion: 'ASC', seq: 'ASC' } });
    return events.map(toTicketEventView);
  }

  /** Changes state, priority, queue, assignee, category, booking reference or tags; optimistic on `version`. */
  update(id: string, dto: UpdateTicketDto, actor: Actor): Promise<TicketView> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const ticket = await this.loadForWork(em, id, actor);
      await this.expectVersion(em, ticket, dto.version);
      const fields: Partial<Ticket> = {};
      const changes: TicketChange[] = [];
      const change = <K extends keyof Ticket>(kind: TicketEventKind, key: K, to: Ticket[K], shown = to) => {
        if (ticket[key] === to) return;
        changes.push({ kind, from: show(ticket[key]), to: show(shown) });
        fields[key] = to;
      };

      if (dto.state !== undefined && dto.state !== ticket.state) {
        const move = changeState(ticket.state, dto.state);
        if (!move.allowed) throw new StateMoveRefused(move.reason);
        Object.assign(fields, this.stateFields(ticket, move.to, now));
        changes.push(stateChange(ticket.state, move.to));
      }
      if (dto.priority !== undefined) change('priority_changed', 'priority', dto.priority);
      if (dto.queueId !== undefined && dto.queueId !== ticket.queueId) {
        change('queue_changed', 'queueId', (await this.queues.activeQueue(dto.queueId, em)).id);
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== ticket.assigneeId) {
        if (dto.assigneeId !== null && !(await this.agents.get(dto.assigneeId)).isActive) {
          throw new Invalid('The assignee is not an active agent');
        }
        change('assignee_changed', 'assigneeId', dto.assigneeId);
      }
      if (dto.categoryKey !== undefined) {
        const category = dto.categoryKey === null ? null : await this.categoryByKey(em, dto.categoryKey);
        if ((category?.id ?? null) !== ticket.categoryId) {
          const before = ticket.categoryId ? await em.findOneBy(Category, { id: ticket.categoryId }) : null;
          changes.push({ kind: 'category_changed', from: before?.key ?? null, to: category?.key ?? null });
          Object.assign(fields, {
            categoryId: category?.id ?? null,
            categorySource: category ? 'agent' : null,
          });
        }
      }
      if (dto.bookingReference !== undefined) {
        change('booking_reference_changed', 'bookingReference', dto.bookingReference?.trim() || null);
      }
      if (dto.tags !== undefined) change('tags_changed', 'tags', JSON.stringify(normalizeTags(dto.tags)));

      if (changes.length > 0) {
        if (fields.bookingReference !== undefined) fields.searchText = searchTextOf({ ...ticket, ...fields });
        await this.commitChange(em, ticket, fields, changes, actor, now);
        await this.audit.record(em, actor, [
          {
            action: 'ticket.update',
            recordType: 'ticket',
            recordId: id,
            fields: Object.fromEntries(
              changes.map((item) => [item.kind.replace(/_changed$/, ''), [item.from, item.to]]),
            ),
          },
        ]);
      }
      const [view] = await this.toViews(em, [ticket]);
      return view;
    });
  }

  // ---- used by TicketThreadService and intake ----

  /** `lock` holds the ticket's row until the transaction ends, for work that adds to its thread. */
  async findById(em: EntityManager, id: string, lock: TicketLock = {}): Promise<Ticket | null> {
    if (!lock.forUpdate) return em.findOne(Ticket, { where: { id } });
    return forUpdate(em.createQueryBuilder(Ticket, 'ticket').where('ticket.id = :id', { id })).getOne();
  }

  async findByNumber(em: EntityManager, number: number): Promise<Ticket | null> {
    return em.findOne(Ticket, { where: { number } });
  }

  /** The ticket a mail answers, from the Message-IDs it names: any stored thread message, newest first. */
  async findByMessageIds(em: EntityManager, messageIds: string[]): Promise<Ticket | null> {
    if (messageIds.length === 0) return null;
    const message = await em.findOne(Message, {
      where: { messageId: In(messageIds) },
      order: { createdAt: 'DESC' },
    });
    return message ? this.load(em, message.ticketId) : null;
  }

  /** Follows merges to the ticket that lives on. */
  async surviving(em: EntityManager, ticket: Ticket): Promise<Ticket> {
    let current = ticket;
    for (let hops = 0; current.state === 'merged' && current.mergedIntoId && hops < 10; hops++) {
      current = await this.load(em, current.mergedIntoId);
    }
    return current;
  }

  /**
   * Addresses taking part in a ticket: the customer's, and everyone who wrote or was copied on its mail.
   * Only they may add to a ticket by quoting its number (numbers are guessable).
   */
  async participants(em: EntityManager, ticket: Ticket): Promise<Set<string>> {
    const addresses = new Set(await this.customers.emailsOf(em, ticket.customerId));
    const messages = await em.find(Message, {
      where: { ticketId: ticket.id, direction: 'inbound' },
      select: { fromAddress: true, toAddresses: true, ccAddresses: true },
    });
    for (const message of messages) {
      if (message.fromAddress) addresses.add(message.fromAddress.toLowerCase());
      for (const list of [message.toAddresses, message.ccAddresses]) {
        for (const address of list ? (JSON.parse(list) as string[]) : [])
          addresses.add(address.toLowerCase());
      }
    }
    return addresses;
  }

  /** In-Reply-To and References for a new mail on this ticket: the last mail in the thread, and the chain. */
  async threadHeaders(
    em: EntityManager,
    ticketId: string,
  ): Promise<{ inReplyTo: string | null; references: string[] }> {
    const mails = await em.find(Message, {
      where: { ticketId, messageId: Not(IsNull()) },
      order: { threadSeq: 'ASC' },
      select: { messageId: true, direction: true },
    });
    const ids = mails.map((mail) => mail.messageId!);
    const lastFromCustomer = mails.filter((mail) => mail.direction === 'inbound').at(-1)?.messageId ?? null;
    // References grows with the thread; keeping the first and the last ones is what RFC 5322 §3.6.4 suggests.
    const references = ids.length > 20 ? [ids[0], ...ids.slice(-19)] : ids;
    return { inReplyTo: lastFromCustomer ?? ids.at(-1) ?? null, references };
  }

  /**
   * The ticket if `actor` may work it: agents reach the tickets of their queues and those assigned to them;
   * supervisors, admins and the system reach all. Out of reach looks the same as missing.
   *
   * Work that adds to the thread locks the ticket first (`forUpdate`), so two agents' notes at the same
   * moment are written one after the other instead of one of them being refused as a conflicting change.
   */
  async loadForWork(em: EntityManager, id: string, actor: Actor, lock: TicketLock = {}): Promise<Ticket> {
    const ticket = await this.load(em, id, lock);
    const scope = await this.scopeOf(actor);
    if (scope && ticket.assigneeId !== scope.agentId && !scope.queueIds.includes(ticket.queueId)) {
      throw new NotFound('ticket', id);
    }
    return ticket;
  }

  async scopeOf(actor: Actor): Promise<WorkScope | null> {
    const queueIds = await this.queues.workableQueueIds(actor);
    return queueIds && actor.id ? { agentId: actor.id, queueIds } : null;
  }

  async attachment(ticketId: string, attachmentId: string, actor: Actor) {
    await this.loadForWork(this.dataSource.manager, ticketId, actor);
    return this.attachments.download(ticketId, attachmentId);
  }

  async load(em: EntityManager, id: string, lock: TicketLock = {}): Promise<Ticket> {
    const ticket = await this.findById(em, id, lock);
    if (!ticket) throw new NotFound('ticket', id);
    return ticket;
  }

  /** Refuses to act on a version the caller did not read, saying what changed since. */
  async expectVersion(em: EntityManager, ticket: Ticket, sentVersion: number | undefined): Promise<void> {
    if (sentVersion === undefined || sentVersion === ticket.version) return;
    throw await this.changedSince(em, ticket.id, sentVersion);
  }

  /**
   * Writes the change only if nobody else did in between (`WHERE version = ?`), then records its history
   * with the version it produced and brings its SLA clocks up to date.
   */
  async commitChange(
    em: EntityManager,
    ticket: Ticket,
    fields: Partial<Ticket>,
    changes: TicketChange[],
    actor: Actor,
    now: Date,
  ): Promise<void> {
    const expected = ticket.version;
    if (fields.priority !== undefined) fields.priorityRank = priorityRank(fields.priority);
    const result = await em.update(
      Ticket,
      { id: ticket.id, version: expected },
      {
        ...fields,
        version: expected + 1,
        updatedAt: now,
      },
    );
    if (result.affected !== 1) throw await this.changedSince(em, ticket.id, expected);
    const before = { queueId: ticket.queueId, state: ticket.state, assigneeId: ticket.assigneeId };
    Object.assign(ticket, fields, { version: expected + 1, updatedAt: now });
    await this.counts.moved(em, before, ticket);
    await this.recordEvents(em, ticket, actor, now, changes);
    await this.sla.sync(em, ticket, { kind: 'changed', previousState: before.state, changes }, now);
  }

  async appendMessage(em: EntityManager, ticket: Ticket, now: Date, input: NewMessage) {
    const message = em.create(Message, {
      ticketId: ticket.id,
      threadSeq: await this.nextThreadSeq(em, ticket),
      direction: input.direction,
      visibility: input.direction === 'note' ? 'internal' : 'public',
      authorType: input.authorType,
      authorAgentId: input.authorAgentId ?? null,
      authorCustomerId: input.authorCustomerId ?? null,
      fromAddress: input.mail?.fromAddress ?? null,
      toAddresses: input.mail?.to?.length ? JSON.stringify(input.mail.to) : null,
      ccAddresses: input.mail?.cc?.length ? JSON.stringify(input.mail.cc) : null,
      bodyText: input.body,
      bodyHtml: input.bodyHtml ? sanitizeUserHtml(input.bodyHtml) : null,
      rawMailId: input.mail?.rawMailId ?? null,
      messageId: input.mail?.messageId ?? null,
      inReplyTo: input.mail?.inReplyTo ?? null,
      referencesHeader: input.mail?.references?.length ? input.mail.references.join(' ') : null,
      createdAt: now,
    });
    await em.insert(Message, message);
    const attachments = await this.attachments.store(em, ticket.id, message.id, input.files ?? []);
    return { message, attachments };
  }

  /**
   * Draws the next number in the ticket's thread. The increment is one statement on the ticket's row, so
   * concurrent writers each get their own number (on MySQL the second waits for the first to commit).
   */
  private async nextThreadSeq(em: EntityManager, ticket: Ticket): Promise<number> {
    await em.increment(Ticket, { id: ticket.id }, 'lastMessageSeq', 1);
    const { lastMessageSeq } = await em.findOneOrFail(Ticket, {
      where: { id: ticket.id },
      select: { id: true, lastMessageSeq: true },
    });
    ticket.lastMessageSeq = lastMessageSeq;
    return lastMessageSeq;
  }

  /** Timestamps that go with entering a state: resolved and closed are stamped, reopening clears resolution. */
  stateFields(ticket: Ticket, to: TicketState, now: Date): Partial<Ticket> {
    const fields: Partial<Ticket> = { state: to };
    if (to === 'resolved') fields.resolvedAt = now;
    if (to === 'closed') fields.closedAt = now;
    if (ticket.state === 'resolved' && to === 'open') fields.resolvedAt = null;
    if (ticket.state === 'closed' && to === 'open')
      Object.assign(fields, { resolvedAt: null, closedAt: null });
    return fields;
  }

  async toViews(em: EntityManager, tickets: Ticket[]): Promise<TicketView[]> {
    const customers = await this.customers.summaries(
      tickets.map((ticket) => ticket.customerId),
      em,
    );
    const categoryIds = [...new Set(tickets.map((ticket) => ticket.categoryId).filter((id) => id !== null))];
    const categories = categoryIds.length ? await em.findBy(Category, { id: In(categoryIds) }) : [];
    const sla = await this.sla.views(
      em,
      tickets.map((ticket) => ticket.id),
      this.clock.now(),
    );
    return tickets.map((ticket) =>
      toTicketView(
        ticket,
        customers.get(ticket.customerId) as Customer,
        categories.find((category) => category.id === ticket.categoryId),
        sla.get(ticket.id),
      ),
    );
  }

  async recordEvents(em: EntityManager, ticket: Ticket, actor: Actor, now: Date, changes: TicketChange[]) {
    await this.recordEventsOf(em, [{ ticket, changes }], actor, now);
  }

  private async recordEventsOf(
    em: EntityManager,
    items: { ticket: Ticket; changes: TicketChange[] }[],
    actor: Actor,
    now: Date,
  ) {
    const rows = items.flatMap(({ ticket, changes }) =>
      changes.map((change, seq) => ({
        ticketId: ticket.id,
        ticketVersion: ticket.version,
        kind: change.kind,
        fromValue: change.from ?? null,
        toValue: change.to ?? null,
        actorType: actor.type,
        actorId: actor.id,
        occurredAt: now,
        seq,
      })),
    );
    await bulkInsert(em, TicketEvent, rows);
  }

  /**
   * Changes many tickets at once for a job that holds their row locks (so no version check is needed): one
   * UPDATE per distinct change, one INSERT of history and one of count deltas. The caller re-times clocks.
   */
  async commitLocked(
    em: EntityManager,
    items: { ticket: Ticket; fields: Partial<Ticket>; changes: TicketChange[] }[],
    actor: Actor,
    now: Date,
  ): Promise<void> {
    const groups = new Map<string, typeof items>();
    for (const item of items) {
      if (item.fields.priority !== undefined) item.fields.priorityRank = priorityRank(item.fields.priority);
      const key = JSON.stringify(item.fields);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(item);
    }
    for (const group of groups.values()) {
      await em
        .createQueryBuilder()
        .update(Ticket)
        .set({ ...group[0].fields, version: () => 'version + 1', updatedAt: now })
        .where({ id: In(group.map(({ ticket }) => ticket.id)) })
        .execute();
    }
    const moves = items.map(({ ticket, fields }) => {
      const from = { queueId: ticket.queueId, state: ticket.state, assigneeId: ticket.assigneeId };
      Object.assign(ticket, fields, { version: ticket.version + 1, updatedAt: now });
      return { from, to: ticket };
    });
    await this.counts.movedMany(em, moves);
    await this.recordEventsOf(em, items, actor, now);
  }

  private async changedSince(
    em: EntityManager,
    ticketId: string,
    sentVersion: number,
  ): Promise<TicketChanged> {
    const current = await em.findOneOrFail(Ticket, { where: { id: ticketId } });
    const since = await em.find(TicketEvent, {
      where: { ticketId, ticketVersion: MoreThan(sentVersion) },
      order: { ticketVersion: 'ASC', occurredAt: 'ASC', seq: 'ASC' },
    });
    return new TicketChanged(sentVersion, current.version, since);
  }

  private async categoryByKey(em: EntityManager, key: string): Promise<Category> {
    const category = await em.findOne(Category, { where: { key, isActive: true } });
    if (!category) throw new UnknownCategory(key);
    return category;
  }

  /** A unique, increasing number without a hot counter row: the id of a new row in ticket_numbers. */
  private async allocateNumber(em: EntityManager, now: Date): Promise<number> {
    const result = await em.insert(TicketNumber, { createdAt: now });
    return FIRST_TICKET_NUMBER + Number(result.identifiers[0].id);
  }
}

export function stateChange(from: TicketState, to: TicketState): TicketChange {
  const reopens = (from === 'resolved' || from === 'closed') && to === 'open';
  return { kind: reopens ? 'reopened' : 'state_changed', from, to };
}

function show(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function normalizeTags(tags: string[] = []): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))].sort();
}

function searchTextOf(ticket: Pick<Ticket, 'number' | 'subject' | 'bookingReference'>): string {
  return foldForSearch(
    [displayNumber(ticket.number), ticket.subject, ticket.bookingReference ?? ''].join(' '),
  ).slice(0, 600);
}
