import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import {
  Conflict,
  Forbidden,
  Invalid,
  InvalidInput,
  NotFound,
  StaleVersion,
} from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { forUpdate } from '../database/locking.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { SlaPoliciesService } from '../sla/sla-policies.service.js';
import { CustomerLettersService } from '../tickets/customer-letters.service.js';
import { displayNumber, type Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { type CustomerDataExport, CustomerDataExportService } from './customer-data-export.service.js';
import { DataRequest } from './data-request.entity.js';
import {
  deadlineDay,
  deadlinesFor,
  extendedDueAt,
  extensionRefusal,
  fulfilmentRefusal,
  refusalRefusal,
  consentWithdrawnInWords,
  erasureDoneInWords,
  erasureRefusedInWords,
  typeInWords,
  type DataRequestType,
} from './data-request.rules.js';
import { ConsentService } from '../consent/consent.service.js';
import { CustomerAnonymiser } from '../retention/customer-anonymiser.service.js';
import type { ConsentPurpose } from '../consent/consent.rules.js';
import type {
  CloseDataRequestDto,
  CorrectCustomerDataDto,
  DataRequestVersionDto,
  LiftProcessingRestrictionDto,
  WithdrawConsentDto,
  DataRequestListQuery,
  ExtendDataRequestDto,
  FileDataRequestDto,
} from './dto/data-request.dto.js';

type AgentActor = Actor & { type: 'agent' };

/** How long a verified "view" or "copy" link keeps downloading the export. */
export const EXPORT_DAYS = 14;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

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
    private readonly letters: CustomerLettersService,
    private readonly templates: MailTemplatesService,
    private readonly outbox: OutboxService,
    private readonly sla: SlaPoliciesService,
    private readonly exports: CustomerDataExportService,
    private readonly consent: ConsentService,
    private readonly anonymiser: CustomerAnonymiser,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
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
    await this.sendVerification(em, ticket, row, address, secret);
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

  /** What the link in the identity-check letter opens, without changing anything (link scanners follow GETs). */
  async findByLink(secret: string): Promise<DataRequest | null> {
    return this.dataSource
      .getRepository(DataRequest)
      .findOne({ where: { verificationHash: hashOf(secret) } });
  }

  /** The request behind a link, with the customer's zone and language to show it in. */
  async linkView(secret: string) {
    const request = await this.findByLink(secret);
    if (!request) return null;
    const customer = await this.customers.findById(this.dataSource.manager, request.customerId);
    return { request, timeZone: customer.timeZone, language: customer.preferredLanguage };
  }

  /** The customer confirms the request from the address on record: it may now be carried out. */
  confirmIdentity(secret: string): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      const found = await this.findByLink(secret);
      if (!found) throw new NotFound('data request', 'link');
      const row = await this.lock(em, found.id);
      if (row.state !== 'awaiting_verification') return row;
      const now = this.clock.now();
      const changes: Partial<DataRequest> = {
        state: 'in_progress',
        verifiedAt: now,
        exportUntil:
          row.type === 'view' || row.type === 'copy'
            ? new Date(now.getTime() + EXPORT_DAYS * 86_400_000)
            : null,
      };
      await this.save(em, row, changes, now);
      await this.audit.record(em, SYSTEM_ACTOR, [
        {
          action: 'data_request.verify',
          recordType: 'data_request',
          recordId: row.id,
          fields: { state: [row.state, 'in_progress'] },
          reason: 'confirmed through the link sent to the address on record',
        },
      ]);
      return { ...row, ...changes, version: row.version + 1 };
    });
  }

  /** The export a verified "view" or "copy" link downloads; each download is an audited release. */
  exportFor(secret: string): Promise<CustomerDataExport> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.findByLink(secret);
      const now = this.clock.now();
      if (!row || !row.verifiedAt || !row.exportUntil || row.exportUntil <= now)
        throw new NotFound('data export', 'link');
      const data = await this.exports.build(em, row.customerId, now);
      await this.audit.record(em, SYSTEM_ACTOR, [
        {
          action: 'customer.export',
          recordType: 'customer',
          recordId: row.customerId,
          fields: ['all personal data held'],
          reason: `released to the customer for data-subject request ${row.id}`,
        },
      ]);
      return data;
    });
  }

  extend(id: string, dto: ExtendDataRequestDto, actor: AgentActor): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      requireSupervisor(actor, 'extend a request');
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(extensionRefusal(row));
      const { defaultCalendar } = await this.sla.settings(em);
      const now = this.clock.now();
      const changes: Partial<DataRequest> = {
        dueAt: extendedDueAt(defaultCalendar, row.type, row.dueAt),
        extendedAt: now,
        extendedById: actor.id,
        extensionReason: dto.reason.trim(),
      };
      await this.save(em, row, changes, now);
      const ticket = await this.tickets.loadForWork(em, row.ticketId, actor);
      await this.tell(em, ticket, 'data_request_extended', row, actor, now, {
        reason: dto.reason.trim(),
        dueAt: await this.dueInWords(em, ticket, changes.dueAt!),
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

  /**
   * A staff-mediated correction of the customer record: the change is audited with before and after values
   * (by the customers service), the request closes, and the customer is told what now stands on record.
   */
  correct(id: string, dto: CorrectCustomerDataDto, actor: AgentActor): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(fulfilmentRefusal(row, 'correct'));
      const { changes } = await this.customers.updateWithin(
        em,
        row.customerId,
        { ...dto.customer, reason: `data-subject request ${row.id}: ${dto.customer.reason}` },
        actor,
      );
      const changed = Object.entries(changes);
      if (changed.length === 0) throw new Invalid('The correction changes nothing on the customer record');
      const corrected = changed
        .map(([field, [, after]]) => `- ${field}: ${JSON.stringify(after)}`)
        .join('\n');
      return this.closeLocked(
        em,
        row,
        actor,
        'completed',
        `Corrected: ${changed.map(([field]) => field).join(', ')}`,
        {
          template: 'data_request_corrected',
          values: { changes: corrected },
        },
      );
    });
  }

  /**
   * Carries out a verified "delete" request with the retention anonymiser: the customer is anonymised in full,
   * or kept whole while a legal hold or an open matter needs the data (then the request is refused with those
   * reasons). Either way the customer is told what was erased, what was kept and why, at the address captured
   * before it was erased.
   */
  async erase(id: string, dto: DataRequestVersionDto, actor: AgentActor): Promise<DataRequest> {
    requireSupervisor(actor, 'erase a customer');
    const { row, ticket, address, name } = await this.dataSource.transaction(async (em) => {
      const current = await this.lockCurrent(em, id, dto.version);
      refuseIf(fulfilmentRefusal(current, 'delete'));
      const customer = await this.customers.findById(em, current.customerId);
      return {
        row: current,
        ticket: await this.ticketOf(em, current, actor),
        address: await this.customers.replyAddress(em, current.customerId),
        name: customer.displayName,
      };
    });
    const report = await this.anonymiser.anonymiseCustomer(row.customerId, actor, {
      reason: `data-subject request ${row.id}`,
      exceptOpenTicketId: row.ticketId,
    });
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockCurrent(em, id, dto.version);
      if (report.outcome === 'skipped') {
        const outcome = erasureRefusedInWords(report.reasons, ticket.language);
        return this.closeLocked(em, current, actor, 'refused', outcome, {
          template: 'data_request_refused',
          values: { outcome },
        });
      }
      const outcome = erasureDoneInWords(ticket.language);
      const closed = await this.closeLocked(em, current, actor, 'completed', outcome, {
        template: 'data_request_completed',
        values: { outcome },
      });
      // The thread keeps the letter, but the record has no address any more: mail it where it was.
      if (address)
        await this.mailOutsideThread(em, ticket, address, 'data_request_completed', {
          customerName: name,
          requestType: typeInWords(current.type, ticket.language),
          outcome,
        });
      return closed;
    });
  }

  /** Withdraws the consents the customer named, in the consent log, and closes the request telling them. */
  withdrawConsent(id: string, dto: WithdrawConsentDto, actor: AgentActor): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(fulfilmentRefusal(row, 'withdraw_consent'));
      const purposes = [...new Set(dto.purposes)] as ConsentPurpose[];
      await this.withdrawConsents(em, row, purposes, actor);
      const outcome = `Consent withdrawn: ${purposes.join(', ')}`;
      return this.closeLocked(em, row, actor, 'completed', outcome, {
        template: 'data_request_completed',
        values: {
          outcome: consentWithdrawnInWords(purposes, (await this.ticketOf(em, row, actor)).language),
        },
      });
    });
  }

  private close(
    id: string,
    dto: CloseDataRequestDto,
    actor: AgentActor,
    state: 'completed' | 'refused',
  ): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      if (state === 'refused') requireSupervisor(actor, 'refuse a request');
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(state === 'completed' ? fulfilmentRefusal(row, 'complete') : refusalRefusal(row));
      if (state === 'completed') await this.restrictFor(em, row, actor);
      const outcome = dto.outcome.trim();
      return this.closeLocked(em, row, actor, state, outcome, {
        template: state === 'completed' ? 'data_request_completed' : 'data_request_refused',
        values: { outcome },
      });
    });
  }

  /** What completing a restrict or object request does to the customer's record and consent. */
  private async restrictFor(em: EntityManager, row: DataRequest, actor: AgentActor): Promise<void> {
    if (row.type !== 'restrict' && row.type !== 'object') return;
    if (row.type === 'object') await this.withdrawConsents(em, row, ['newsletter', 'marketing'], actor);
    await this.customers.restrictProcessing(em, row.customerId, row.id, actor);
  }

  /** Consent withdrawn for the request, each in the consent log with the request's channel and ticket. */
  private async withdrawConsents(
    em: EntityManager,
    row: DataRequest,
    purposes: readonly ConsentPurpose[],
    actor: AgentActor,
  ): Promise<void> {
    for (const purpose of purposes)
      await this.consent.record(
        em,
        {
          customerId: row.customerId,
          purpose,
          state: 'withdrawn',
          source: row.channel,
          ticketId: row.ticketId,
          note: `data-subject request ${row.id}`,
        },
        actor,
      );
  }

  /**
   * Staff end a processing restriction, with a reason that is audited and told to the customer on the ticket
   * of the request that set it.
   */
  liftRestriction(customerId: string, dto: LiftProcessingRestrictionDto, actor: AgentActor) {
    return this.dataSource.transaction(async (em) => {
      requireSupervisor(actor, 'lift a processing restriction');
      const reason = dto.reason.trim();
      const dataRequestId = await this.customers.liftProcessingRestriction(em, customerId, reason, actor);
      const row = await this.lock(em, dataRequestId);
      await this.tell(
        em,
        await this.ticketOf(em, row, actor),
        'data_request_restriction_lifted',
        row,
        actor,
        this.clock.now(),
        { reason },
      );
      this.logger.log({ customerId, dataRequestId }, 'processing restriction lifted');
      return { customerId, dataRequestId };
    });
  }

  private async closeLocked(
    em: EntityManager,
    row: DataRequest,
    actor: AgentActor,
    state: 'completed' | 'refused',
    outcome: string,
    letter: { template: string; values: Record<string, string> },
  ): Promise<DataRequest> {
    const now = this.clock.now();
    const changes: Partial<DataRequest> = { state, outcome, closedAt: now, closedById: actor.id };
    await this.save(em, row, changes, now);
    const ticket = await this.tickets.loadForWork(em, row.ticketId, actor);
    await this.tell(em, ticket, letter.template, row, actor, now, letter.values);
    await this.audit.record(em, actor, [
      {
        action: `data_request.${state === 'completed' ? 'complete' : 'refuse'}`,
        recordType: 'data_request',
        recordId: row.id,
        fields: { state: [row.state, state] },
        reason: outcome,
      },
    ]);
    return { ...row, ...changes, version: row.version + 1 };
  }

  /** The identity-check letter goes straight to the address on record, outside the thread: its link is a key. */
  private async sendVerification(
    em: EntityManager,
    ticket: Ticket,
    row: DataRequest,
    address: string,
    secret: string,
  ): Promise<void> {
    const customer = await this.customers.findById(em, row.customerId);
    await this.mailOutsideThread(em, ticket, address, 'data_request_verification', {
      customerName: customer.displayName,
      requestType: typeInWords(row.type, ticket.language),
      dueAt: deadlineDay(row.dueAt, customer.timeZone),
      verifyUrl: `${this.config.publicUrl}/privacy/requests/${secret}`,
    });
  }

  /** A letter about the ticket mailed without a copy in its thread, in the ticket's language. */
  private async mailOutsideThread(
    em: EntityManager,
    ticket: Ticket,
    to: string,
    template: string,
    values: Record<string, string>,
  ): Promise<void> {
    const text = await this.templates.render(em, template, ticket.language, {
      ticketNumber: displayNumber(ticket.number),
      ...values,
    });
    await this.outbox.enqueue(em, {
      kind: 'notification',
      ticketId: ticket.id,
      to,
      subject: text.subject,
      bodyText: text.bodyText,
      autoSubmitted: 'auto-generated',
    });
  }

  private async tell(
    em: EntityManager,
    ticket: Ticket,
    template: string,
    row: DataRequest,
    actor: AgentActor,
    now: Date,
    values: Record<string, string>,
  ): Promise<void> {
    await this.letters.send(
      em,
      ticket,
      { template, values: { requestType: typeInWords(row.type, ticket.language), ...values } },
      actor,
      now,
    );
  }

  private async dueInWords(em: EntityManager, ticket: Ticket, dueAt: Date): Promise<string> {
    const customer = await this.customers.findById(em, ticket.customerId);
    return deadlineDay(dueAt, customer.timeZone);
  }

  private ticketOf(em: EntityManager, row: DataRequest, actor: AgentActor): Promise<Ticket> {
    return this.tickets.loadForWork(em, row.ticketId, actor);
  }

  private async lock(em: EntityManager, id: string): Promise<DataRequest> {
    const row = await forUpdate(
      em.createQueryBuilder(DataRequest, 'request').where('request.id = :id', { id }),
    ).getOne();
    if (!row) throw new NotFound('data request', id);
    return row;
  }

  private async lockCurrent(em: EntityManager, id: string, version: number): Promise<DataRequest> {
    const row = await this.lock(em, id);
    if (row.version !== version)
      throw new StaleVersion('data request', version, {
        version: row.version,
        changed: { state: row.state },
      });
    return row;
  }

  private async save(em: EntityManager, row: DataRequest, changes: Partial<DataRequest>, now: Date) {
    await em.update(DataRequest, { id: row.id }, { ...changes, version: row.version + 1, updatedAt: now });
  }
}

function refuseIf(refusal: string | null): void {
  if (refusal) throw new Conflict(refusal);
}

/** Extending a legal deadline or refusing a data subject is a supervisor's call, whichever page asks. */
function requireSupervisor(actor: AgentActor, what: string): void {
  if (actor.role === 'agent') throw new Forbidden(`Only supervisors and admins may ${what}`);
}
