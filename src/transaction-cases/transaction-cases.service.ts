import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { Conflict, InvalidInput, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { forUpdate } from '../database/locking.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { displayNumber, type Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { MoveTransactionCaseDto, OpenTransactionCaseDto } from './dto/transaction-case.dto.js';
import { TransactionCase } from './transaction-case.entity.js';
import { BookingHasOpenCase } from './transaction-case.errors.js';
import {
  eventOf,
  isFraudAlarm,
  isOpenCase,
  moveCase,
  openBookingKey,
  type TransactionCaseKind,
  type TransactionCaseMove,
} from './transaction-case.rules.js';
import { TransactionLettersService } from './transaction-letters.service.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import type { WebhookDelivery } from './webhook-delivery.entity.js';

type AgentActor = Actor & { type: 'agent' };

/** The insert met the open key of another case; answered once the transaction is rolled back. */
class BookingTaken extends Error {
  constructor(readonly bookingReference: string) {
    super('booking has an open transaction case');
  }
}

export interface CaseWithDeliveries {
  row: TransactionCase;
  deliveries: WebhookDelivery[];
}

const KIND_WORDS: Record<string, Record<TransactionCaseKind, string>> = {
  vi: {
    payment_incident: 'sự cố thanh toán',
    tampered_transaction: 'giao dịch bị thay đổi',
    fraud_report: 'báo cáo gian lận',
    cancellation: 'huỷ giao dịch',
  },
  en: {
    payment_incident: 'payment incident',
    tampered_transaction: 'tampered transaction',
    fraud_report: 'fraud report',
    cancellation: 'cancellation',
  },
};

/**
 * Transaction cases on a ticket: an agent reports the transaction and suspends it for verification, a
 * supervisor decides whether it was legitimate. Each move tells the booking/payment system (webhook outbox)
 * and the customer (a letter in the thread) in the same transaction.
 */
@Injectable()
export class TransactionCasesService {
  private readonly logger = new Logger(TransactionCasesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly letters: TransactionLettersService,
    private readonly webhooks: WebhookDeliveriesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A fraud report or a tampered transaction makes the ticket urgent and reaches supervisors at once. A
   * booking with an open case gets no second one (the unique open key refuses it, however many agents race):
   * the refusal names the open case and its ticket.
   */
  async open(ticketId: string, dto: OpenTransactionCaseDto, actor: AgentActor): Promise<CaseWithDeliveries> {
    try {
      return await this.openCase(ticketId, dto, actor);
    } catch (error) {
      // Read after the rollback, so MySQL's snapshot does not hide the case that won.
      if (error instanceof BookingTaken) throw await this.openCaseConflict(error.bookingReference);
      throw error;
    }
  }

  private openCase(
    ticketId: string,
    dto: OpenTransactionCaseDto,
    actor: AgentActor,
  ): Promise<CaseWithDeliveries> {
    return this.dataSource.transaction(async (em) => {
      const ticket = await this.tickets.loadForWork(em, ticketId, actor);
      const bookingReference = dto.bookingReference?.trim() || ticket.bookingReference;
      if (!bookingReference) {
        throw new InvalidInput([
          {
            field: 'bookingReference',
            reason: 'the ticket has no booking reference: give the one concerned',
          },
        ]);
      }
      const now = this.clock.now();
      const kind = dto.kind as TransactionCaseKind;
      const row = em.create(TransactionCase, {
        ticketId,
        bookingReference,
        kind,
        state: 'reported',
        openBookingReference: openBookingKey(bookingReference),
        description: dto.description?.trim() || null,
        reportedById: actor.id,
        reportedAt: now,
        suspendedById: null,
        suspendedAt: null,
        suspensionReason: null,
        suspensionLetterId: null,
        decidedById: null,
        decidedAt: null,
        decisionReason: null,
        decisionLetterId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(TransactionCase, row).catch((error: unknown) => {
        throw isUniqueViolation(error) ? new BookingTaken(bookingReference) : error;
      });
      const alarm = isFraudAlarm(kind);
      const priorityBefore = ticket.priority;
      if (alarm) await this.raiseAlarm(em, ticket, row, actor, now);
      await this.audit.record(em, actor, [
        {
          action: 'transaction_case.open',
          recordType: 'transaction_case',
          recordId: row.id,
          fields: {
            ticketId: [null, ticketId],
            kind: [null, kind],
            state: [null, 'reported'],
            bookingReference: [null, bookingReference],
            ...(alarm && priorityBefore !== 'urgent' ? { ticketPriority: [priorityBefore, 'urgent'] } : {}),
          },
        },
      ]);
      this.logger.log({ caseId: row.id, ticketId, kind }, 'transaction case opened');
      return { row, deliveries: [] };
    });
  }

  async listForTicket(ticketId: string, actor: Actor): Promise<CaseWithDeliveries[]> {
    const em = this.dataSource.manager;
    await this.tickets.loadForWork(em, ticketId, actor);
    const rows = await em.find(TransactionCase, {
      where: { ticketId },
      order: { reportedAt: 'ASC', id: 'ASC' },
    });
    const deliveries = await this.webhooks.forCases(
      em,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({ row, deliveries }));
  }

  async get(id: string, actor: Actor): Promise<CaseWithDeliveries> {
    const em = this.dataSource.manager;
    const row = await em.findOne(TransactionCase, { where: { id } });
    if (!row) throw new NotFound('transaction case', id);
    // Out of the agent's reach looks the same as missing, as for the ticket itself.
    await this.tickets.loadForWork(em, row.ticketId, actor).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound('transaction case', id) : error;
    });
    return { row, deliveries: await this.webhooks.forCases(em, [id]) };
  }

  /**
   * Suspends the transaction for verification or records the outcome: who, when and why, a signed call to
   * the booking/payment system and a letter to the customer, all or nothing. Roles are checked by the route.
   */
  move(
    id: string,
    move: TransactionCaseMove,
    dto: MoveTransactionCaseDto,
    actor: AgentActor,
  ): Promise<CaseWithDeliveries> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.lockCurrent(em, id, dto.version);
      const ticket = await this.tickets.loadForWork(em, row.ticketId, actor).catch((error: unknown) => {
        throw error instanceof NotFound ? new NotFound('transaction case', id) : error;
      });
      const result = moveCase(row.state, move);
      if (!result.allowed) throw new Conflict(result.reason);
      const before = row.state;
      const now = this.clock.now();
      const reason = dto.reason.trim();
      const letterId = await this.letters.send(em, ticket, row.bookingReference, move, actor, now);
      const changes: Partial<TransactionCase> =
        move === 'suspend'
          ? {
              suspendedById: actor.id,
              suspendedAt: now,
              suspensionReason: reason,
              suspensionLetterId: letterId,
            }
          : { decidedById: actor.id, decidedAt: now, decisionReason: reason, decisionLetterId: letterId };
      const saved = await this.commit(
        em,
        row,
        {
          ...changes,
          state: result.to,
          // Kept while open (a case back-filled without the key stays without it), freed once decided.
          openBookingReference: isOpenCase(result.to) ? row.openBookingReference : null,
        },
        now,
      );
      const delivery = await this.webhooks.enqueue(
        em,
        {
          event: eventOf(move),
          caseId: id,
          ticketNumber: displayNumber(ticket.number),
          bookingReference: row.bookingReference,
          kind: row.kind,
          reason,
          at: now.toISOString(),
        },
        saved.version,
        now,
      );
      await this.audit.record(em, actor, [
        {
          action: `transaction_case.${move}`,
          recordType: 'transaction_case',
          recordId: id,
          fields: {
            state: [before, result.to],
            letterMessageId: [null, letterId],
            webhookDelivery: [null, `${delivery.id} ${delivery.state}`],
          },
          reason: reason.slice(0, 500),
        },
      ]);
      this.logger.log({ caseId: id, state: result.to, deliveryId: delivery.id }, 'transaction case moved');
      return { row: saved, deliveries: await this.webhooks.forCases(em, [id]) };
    });
  }

  private async openCaseConflict(bookingReference: string): Promise<Error> {
    const em = this.dataSource.manager;
    const existing = await em.findOne(TransactionCase, {
      where: { openBookingReference: openBookingKey(bookingReference) },
    });
    // Decided in between: the booking is free again, so the agent may simply try again.
    if (!existing) return new Conflict(`Booking ${bookingReference} was busy with another case; try again`);
    const ticket = await this.tickets.findById(em, existing.ticketId);
    return new BookingHasOpenCase(existing.bookingReference, {
      caseId: existing.id,
      ticketId: existing.ticketId,
      ticketNumber: ticket ? displayNumber(ticket.number) : existing.ticketId,
    });
  }

  private async raiseAlarm(
    em: EntityManager,
    ticket: Ticket,
    row: TransactionCase,
    actor: AgentActor,
    now: Date,
  ): Promise<void> {
    if (ticket.priority !== 'urgent') {
      await this.tickets.commitChange(
        em,
        ticket,
        { priority: 'urgent' },
        [{ kind: 'priority_changed', from: ticket.priority, to: 'urgent' }],
        actor,
        now,
      );
    }
    let staff = await em.find(Agent, { where: { role: 'supervisor', isActive: true } });
    if (staff.length === 0) staff = await em.find(Agent, { where: { role: 'admin', isActive: true } });
    const number = displayNumber(ticket.number);
    await this.notifications.notifyEach(
      em,
      staff.map((agent) => {
        const vi = agent.language === 'vi';
        const kind = KIND_WORDS[vi ? 'vi' : 'en'][row.kind];
        return {
          agent,
          notice: {
            kind: 'transaction_case',
            ticketId: ticket.id,
            title: vi
              ? `[${number}] Khẩn: ${kind} cho giao dịch ${row.bookingReference}`
              : `[${number}] Urgent: ${kind} on transaction ${row.bookingReference}`,
            body: vi
              ? `Phiếu ${number} có ${kind} cho mã đặt chỗ ${row.bookingReference}. ` +
                'Xin xem xét và tạm ngưng giao dịch để xác minh nếu cần.'
              : `Ticket ${number} has a ${kind} on booking ${row.bookingReference}. ` +
                'Please review it and suspend the transaction for verification if needed.',
            // Fraud cannot wait for business hours.
            deliverAt: now,
          },
        };
      }),
    );
    this.logger.log({ caseId: row.id, ticketId: ticket.id, notified: staff.length }, 'supervisors alerted');
  }

  /** The row, locked until the transaction ends on MySQL/MariaDB, so two moves on one case queue up. */
  private async lockCurrent(
    em: EntityManager,
    id: string,
    sentVersion: number | undefined,
  ): Promise<TransactionCase> {
    const row = await forUpdate(
      em.createQueryBuilder(TransactionCase, 'transaction_case').where('transaction_case.id = :id', { id }),
    ).getOne();
    if (!row) throw new NotFound('transaction case', id);
    if (sentVersion !== undefined && row.version !== sentVersion) {
      throw new StaleVersion('The transaction case', sentVersion, {
        version: row.version,
        changed: { state: row.state },
      });
    }
    return row;
  }

  private async commit(
    em: EntityManager,
    row: TransactionCase,
    changes: Partial<TransactionCase>,
    now: Date,
  ): Promise<TransactionCase> {
    const next = { ...changes, version: row.version + 1, updatedAt: now };
    const result = await em.update(TransactionCase, { id: row.id, version: row.version }, next);
    if (result.affected !== 1) {
      throw new StaleVersion('The transaction case', row.version, { version: row.version + 1, changed: {} });
    }
    return Object.assign(row, next);
  }
}
