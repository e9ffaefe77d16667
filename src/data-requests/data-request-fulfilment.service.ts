import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Invalid } from '../common/errors/domain-error.js';
import { ConsentService } from '../consent/consent.service.js';
import type { ConsentPurpose } from '../consent/consent.rules.js';
import { CustomersService } from '../customers/customers.service.js';
import { CustomerAnonymiser } from '../retention/customer-anonymiser.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { DataRequestLettersService } from './data-request-letters.service.js';
import type { DataRequest } from './data-request.entity.js';
import { lockCurrentDataRequest, lockDataRequest, saveDataRequest } from './data-request.queries.js';
import {
  consentWithdrawnInWords,
  erasureDoneInWords,
  erasureRefusedInWords,
  fulfilmentRefusal,
  refuseIf,
  requireSupervisor,
  typeInWords,
} from './data-request.rules.js';
import type {
  CorrectCustomerDataDto,
  DataRequestVersionDto,
  LiftProcessingRestrictionDto,
  WithdrawConsentDto,
} from './dto/data-request.dto.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * Carrying out a verified request that changes the customer's data (correct, delete, withdraw consent,
 * restrict or object), closing it and telling the customer what was done.
 */
@Injectable()
export class DataRequestFulfilmentService {
  private readonly logger = new Logger(DataRequestFulfilmentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly letters: DataRequestLettersService,
    private readonly consent: ConsentService,
    private readonly anonymiser: CustomerAnonymiser,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A staff-mediated correction of the customer record: the change is audited with before and after values
   * (by the customers service), the request closes, and the customer is told what now stands on record.
   */
  correct(id: string, dto: CorrectCustomerDataDto, actor: AgentActor): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      const row = await lockCurrentDataRequest(em, id, dto.version);
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
      const current = await lockCurrentDataRequest(em, id, dto.version);
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
      const current = await lockCurrentDataRequest(em, id, dto.version);
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
        await this.letters.mailOutsideThread(em, ticket, address, 'data_request_completed', {
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
      const row = await lockCurrentDataRequest(em, id, dto.version);
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

  /** What completing a restrict or object request does to the customer's record and consent. */
  async restrictFor(em: EntityManager, row: DataRequest, actor: AgentActor): Promise<void> {
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
      const row = await lockDataRequest(em, dataRequestId);
      await this.letters.tell(
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

  /** Closes a request the caller's transaction has locked: saved, told to the customer, audited. */
  async closeLocked(
    em: EntityManager,
    row: DataRequest,
    actor: AgentActor,
    state: 'completed' | 'refused',
    outcome: string,
    letter: { template: string; values: Record<string, string> },
  ): Promise<DataRequest> {
    const now = this.clock.now();
    const changes: Partial<DataRequest> = { state, outcome, closedAt: now, closedById: actor.id };
    await saveDataRequest(em, row, changes, now);
    const ticket = await this.ticketOf(em, row, actor);
    await this.letters.tell(em, ticket, letter.template, row, actor, now, letter.values);
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

  private ticketOf(em: EntityManager, row: DataRequest, actor: AgentActor): Promise<Ticket> {
    return this.tickets.loadForWork(em, row.ticketId, actor);
  }
}
