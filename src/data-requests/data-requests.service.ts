import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Invalid, InvalidInput, NotFound } from '../common/errors/domain-error.js';
import { CustomersService } from '../customers/customers.service.js';
import { SlaPoliciesService } from '../sla/sla-policies.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { DataRequestFulfilmentService } from './data-request-fulfilment.service.js';
import { DataRequestLettersService } from './data-request-letters.service.js';
import { DataRequest } from './data-request.entity.js';
import { lockCurrentDataRequest, saveDataRequest } from './data-request.queries.js';
import {
  deadlinesFor,
  extendedDueAt,
  extensionRefusal,
  fulfilmentRefusal,
  hashOf,
  refusalRefusal,
  refuseIf,
  requireSupervisor,
  type DataRequestType,
} from './data-request.rules.js';
import type {
  CloseDataRequestDto,
  DataRequestListQuery,
  ExtendDataRequestDto,
  FileDataRequestDto,
} from './dto/data-request.dto.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * Data-subject requests: filed on the ticket they arrived on, deadlines on the business calendar, an identity
 * check through the address on record before anything is released or changed, then carried out and told.
 */
@Injectable()
export class DataRequestsService {
  private readonly logger = new Logger(DataRequestsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly letters: DataRequestLettersService,
    private readonly fulfilment: DataRequestFulfilmentService,
    private readonly sla: SlaPoliciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Files the request and sends the identity-check link; that letter is the first reply. */
  file(ticketId: string, dto: FileDataRequestDto, actor: AgentActor): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) =>
      this.fileWithin(em, await this.tickets.loadForWork(em, ticketId, actor), dto, actor),
    );
  }

  /** file() in the caller's transaction: the complaint form files the request with the ticket it opens. */
  async fileWithin(
    em: EntityManager,
    ticket: Ticket,
    dto: FileDataRequestDto,
    actor: Actor,
  ): Promise<DataRequest> {
    const ticketId = ticket.id;
    const now = this.clock.now();
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
    if (receivedAt > now || receivedAt < ticket.createdAt)
      throw new InvalidInput([
        { field: 'receivedAt', reason: 'must be between the ticket’s creation and now' },
      ]);
    const address = await this.customers.primaryEmailOf(em, ticket.customerId);
    if (!address)
      throw new Invalid(
        'The customer has no e-mail address on record to confirm their identity; add one (checked by phone) first',
      );
    const { defaultCalendar } = await this.sla.settings(em);
    const deadlines = deadlinesFor(defaultCalendar, dto.type as DataRequestType, receivedAt);
    const secret = randomBytes(32).toString('base64url');
    const row = em.create(DataRequest, {
      ticketId,
      customerId: ticket.customerId,
      type: dto.type as DataRequestType,
      channel: dto.channel as DataRequest['channel'],
      state: 'awaiting_verification',
      details: dto.details?.trim() || null,
      filedById: actor.id,
      receivedAt,
      ...deadlines,
      firstRepliedAt: now,
      extendedAt: null,
      extendedById: null,
      extensionReason: null,
      verificationHash: hashOf(secret),
      verificationSentTo: address,
      verifiedAt: null,
      exportUntil: null,
      closedAt: null,
      closedById: null,
      outcome: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(DataRequest, row);
    await this.letters.sendVerification(em, ticket, row, address, secret);
    await this.audit.record(em, actor, [
      {
        action: 'data_request.file',
        recordType: 'data_request',
        recordId: row.id,
        fields: {
          type: [null, row.type],
          state: [null, row.state],
          dueAt: [null, row.dueAt.toISOString()],
        },
      },
    ]);
    this.logger.log({ dataRequestId: row.id, ticketId, type: row.type }, 'data-subject request filed');
    return row;
  }

  async list(query: DataRequestListQuery): Promise<DataRequest[]> {
    const states =
      query.state === 'closed' ? ['completed', 'refused'] : ['awaiting_verification', 'in_progress'];
    return this.dataSource.getRepository(DataRequest).find({
      where: { state: In(states), ...(query.customerId ? { customerId: query.customerId } : {}) },
      order: { dueAt: query.state === 'closed' ? 'DESC' : 'ASC', id: 'ASC' },
      take: query.limit,
    });
  }

  async listForTicket(ticketId: string, actor: Actor): Promise<DataRequest[]> {
    await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
    return this.dataSource
      .getRepository(DataRequest)
      .find({ where: { ticketId }, order: { receivedAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string, actor: Actor): Promise<DataRequest> {
    const row = await this.dataSource.getRepository(DataRequest).findOne({ where: { id } });
    if (!row) throw new NotFound('data request', id);
    await this.tickets.loadForWork(this.dataSource.manager, row.ticketId, actor).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound('data request', id) : error;
    });
    return row;
  }

  extend(id: string, dto: ExtendDataRequestDto, actor: AgentActor): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      requireSupervisor(actor, 'extend a request');
      const row = await lockCurrentDataRequest(em, id, dto.version);
      refuseIf(extensionRefusal(row));
      const { defaultCalendar } = await this.sla.settings(em);
      const now = this.clock.now();
      const changes: Partial<DataRequest> = {
        dueAt: extendedDueAt(defaultCalendar, row.type, row.dueAt),
        extendedAt: now,
        extendedById: actor.id,
        extensionReason: dto.reason.trim(),
      };
      await saveDataRequest(em, row, changes, now);
      const ticket = await this.tickets.loadForWork(em, row.ticketId, actor);
      await this.letters.tell(em, ticket, 'data_request_extended', row, actor, now, {
        reason: dto.reason.trim(),
        dueAt: await this.letters.dueInWords(em, ticket, changes.dueAt!),
      });
      await this.audit.record(em, actor, [
        {
          action: 'data_request.extend',
          recordType: 'data_request',
          recordId: id,
          fields: { dueAt: [row.dueAt.toISOString(), changes.dueAt!.toISOString()] },
          reason: dto.reason,
        },
      ]);
      return { ...row, ...changes, version: row.version + 1 };
    });
  }

  /**
   * Closes a view, copy, restrict or object request with what was done, and tells the customer. A restrict
   * request restricts processing of the customer's data; an object request also withdraws their newsletter
   * and marketing consent.
   */
  complete(id: string, dto: CloseDataRequestDto, actor: AgentActor): Promise<DataRequest> {
    return this.close(id, dto, actor, 'completed');
  }

  /** Refuses a request (any type) with the reason the customer is told. */
  refuse(id: string, dto: CloseDataRequestDto, actor: AgentActor): Promise<DataRequest> {
    return this.close(id, dto, actor, 'refused');
  }

  private close(
    id: string,
    dto: CloseDataRequestDto,
    actor: AgentActor,
    state: 'completed' | 'refused',
  ): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      if (state === 'refused') requireSupervisor(actor, 'refuse a request');
      const row = await lockCurrentDataRequest(em, id, dto.version);
      refuseIf(state === 'completed' ? fulfilmentRefusal(row, 'complete') : refusalRefusal(row));
      if (state === 'completed') await this.fulfilment.restrictFor(em, row, actor);
      const outcome = dto.outcome.trim();
      return this.fulfilment.closeLocked(em, row, actor, state, outcome, {
        template: state === 'completed' ? 'data_request_completed' : 'data_request_refused',
        values: { outcome },
      });
    });
  }
}
