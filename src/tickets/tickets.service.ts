import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AgentsService } from '../auth/agents.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Invalid, NotFound } from '../common/errors/domain-error.js';
import { sanitizeUserHtml } from '../common/text/html.js';
import { foldForSearch } from '../common/text/search-text.js';
import type { Customer } from '../customers/customer.entity.js';
import { CustomersService } from '../customers/customers.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { type AttachmentFile, AttachmentsService } from './attachments.service.js';
import { Category } from './category.entity.js';
import { CreateTicketDto, ListTicketsQuery, UpdateTicketDto } from './dto/ticket.dto.js';
import {
  TicketDetailView,
  TicketPage,
  TicketView,
  toMessageView,
  toTicketEventView,
  toTicketView,
} from './dto/ticket.view.js';
import { Message, type MessageAuthorType, type MessageDirection } from './message.entity.js';
import { TicketEvent, type TicketEventKind } from './ticket-event.entity.js';
import { displayNumber, FIRST_TICKET_NUMBER, Ticket, TicketNumber } from './ticket.entity.js';
import { StateMoveRefused, TicketChanged, UnknownCategory } from './ticket.errors.js';
import { listTickets } from './ticket.queries.js';
import { changeState, type TicketState } from './ticket-state.rules.js';

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
  fromAddress?: string | null;
  body: string;
  bodyHtml?: string | null;
  files?: AttachmentFile[];
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
    private readonly clock: Clock,
  ) {}

  /** Opens a ticket on behalf of a customer, with their first message. */
  async create(dto: CreateTicketDto, actor: Actor): Promise<TicketDetailView> {
    const view = await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const customer = dto.customerId
        ? await this.customers.findById(em, dto.customerId)
        : await this.customers.findOrCreateByEmail(em, dto.customer!, actor);
      const queue = dto.queueId
        ? await this.queues.activeQueue(dto.queueId, em)
        : await this.queues.defaultQueue(em);
      const category = dto.categoryKey ? await this.categoryByKey(em, dto.categoryKey) : null;
      const number = await this.allocateNumber(em, now);
      const ticket = em.create(Ticket, {
        number,
        subject: dto.subject.trim(),
        state: 'new',
        priority: dto.priority ?? 'normal',
        categoryId: category?.id ?? null,
        categorySource: category ? 'agent' : null,
        channel: dto.channel ?? 'api',
        language: dto.language ?? customer.preferredLanguage,
        queueId: queue.id,
        assigneeId: null,
        customerId: customer.id,
        bookingReference: dto.bookingReference?.trim() || null,
        tags: JSON.stringify(normalizeTags(dto.tags)),
        mergedIntoId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        firstRespondedAt: null,
        lastCustomerMessageAt: now,
        lastAgentMessageAt: null,
        resolvedAt: null,
        closedAt: null,
      });
      ticket.searchText = searchTextOf(ticket);
      await em.insert(Ticket, ticket);
      const { message, attachments } = await this.appendMessage(em, ticket, now, {
        direction: 'inbound',
        authorType: 'customer',
        authorCustomerId: customer.id,
        body: dto.body,
        bodyHtml: dto.bodyHtml,
        files: AttachmentsService.fromUploads(dto.attachments),
      });
      await this.recordEvents(em, ticket, actor, now, [{ kind: 'created', to: displayNumber(number) }]);
      await this.audit.record(em, actor, [
        { action: 'ticket.create', recordType: 'ticket', recordId: ticket.id },
      ]);
      return { ...toTicketView(ticket, customer, category), messages: [toMessageView(message, attachments)] };
    });
    this.logger.log({ ticketId: view.id, number: view.number }, 'ticket created');
    return view;
  }

  async list(query: ListTicketsQuery): Promise<TicketPage> {
    const page = await listTickets(this.dataSource.manager, query);
    return { items: await this.toViews(this.dataSource.manager, page.items), nextCursor: page.nextCursor };
  }

  /** The ticket with its whole thread, internal notes included; the read is audited. */
  get(id: string, actor: Actor): Promise<TicketDetailView> {
    return this.dataSource.transaction(async (em) => {
      const ticket = await this.load(em, id);
      const messages = await em.find(Message, {
        where: { ticketId: id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const attachments = await this.attachments.forMessages(
        messages.map((message) => message.id),
        em,
      );
      const [view] = await this.toViews(em, [ticket]);
      await this.audit.record(em, actor, [
        { action: 'ticket.read', recordType: 'ticket', recordId: id, fields: ['thread', 'customer'] },
      ]);
      return {
        ...view,
        messages: messages.map((message) =>
          toMessageView(
            message,
            attachments.filter((attachment) => attachment.messageId === message.id),
          ),
        ),
      };
    });
  }

  categories(): Promise<Category[]> {
    return this.dataSource
      .getRepository(Category)
      .find({ where: { isActive: true }, order: { sortOrder: 'ASC' } });
  }

  async events(id: string) {
    await this.load(this.dataSource.manager, id);
    const events = await this.dataSource
      .getRepository(TicketEvent)
      .find({ where: { ticketId: id }, order: { occurredAt: 'ASC', ticketVersion: 'ASC' } });
    return events.map(toTicketEventView);
  }

  /** Changes state, priority, queue, assignee, category, booking reference or tags; optimistic on `version`. */
  update(id: string, dto: UpdateTicketDto, actor: Actor): Promise<TicketView> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const ticket = await this.load(em, id);
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

  // ---- used by TicketThreadService for replies, notes and customer messages ----

  async load(em: EntityManager, id: string): Promise<Ticket> {
    const ticket = await em.findOne(Ticket, { where: { id } });
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
   * with the version it produced.
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
    Object.assign(ticket, fields, { version: expected + 1, updatedAt: now });
    await this.recordEvents(em, ticket, actor, now, changes);
  }

  async appendMessage(em: EntityManager, ticket: Ticket, now: Date, input: NewMessage) {
    const message = em.create(Message, {
      ticketId: ticket.id,
      direction: input.direction,
      visibility: input.direction === 'note' ? 'internal' : 'public',
      authorType: input.authorType,
      authorAgentId: input.authorAgentId ?? null,
      authorCustomerId: input.authorCustomerId ?? null,
      fromAddress: input.fromAddress ?? null,
      toAddresses: null,
      ccAddresses: null,
      bodyText: input.body,
      bodyHtml: input.bodyHtml ? sanitizeUserHtml(input.bodyHtml) : null,
      rawMailId: null,
      messageId: null,
      inReplyTo: null,
      referencesHeader: null,
      createdAt: now,
    });
    await em.insert(Message, message);
    const attachments = await this.attachments.store(em, ticket.id, message.id, input.files ?? []);
    return { message, attachments };
  }

  /** Timestamps that go with entering a state: resolved and closed are stamped, reopening clears resolution. */
  stateFields(ticket: Ticket, to: TicketState, now: Date): Partial<Ticket> {
    const fields: Partial<Ticket> = { state: to };
    if (to === 'resolved') fields.resolvedAt = now;
    if (to === 'closed') fields.closedAt = now;
    if (ticket.state === 'resolved' && to === 'open') fields.resolvedAt = null;
    return fields;
  }

  async toViews(em: EntityManager, tickets: Ticket[]): Promise<TicketView[]> {
    const customers = await this.customers.summaries(
      tickets.map((ticket) => ticket.customerId),
      em,
    );
    const categoryIds = [...new Set(tickets.map((ticket) => ticket.categoryId).filter((id) => id !== null))];
    const categories = categoryIds.length ? await em.findBy(Category, { id: In(categoryIds) }) : [];
    return tickets.map((ticket) =>
      toTicketView(
        ticket,
        customers.get(ticket.customerId) as Customer,
        categories.find((category) => category.id === ticket.categoryId),
      ),
    );
  }

  async recordEvents(em: EntityManager, ticket: Ticket, actor: Actor, now: Date, changes: TicketChange[]) {
    await em.insert(
      TicketEvent,
      changes.map((change) => ({
        ticketId: ticket.id,
        ticketVersion: ticket.version,
        kind: change.kind,
        fromValue: change.from ?? null,
        toValue: change.to ?? null,
        actorType: actor.type,
        actorId: actor.id,
        occurredAt: now,
      })),
    );
  }

  private async changedSince(
    em: EntityManager,
    ticketId: string,
    sentVersion: number,
  ): Promise<TicketChanged> {
    const current = await em.findOneOrFail(Ticket, { where: { id: ticketId } });
    const since = await em.find(TicketEvent, {
      where: { ticketId, ticketVersion: MoreThan(sentVersion) },
      order: { ticketVersion: 'ASC', occurredAt: 'ASC' },
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
  return { kind: from === 'resolved' && to === 'open' ? 'reopened' : 'state_changed', from, to };
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
