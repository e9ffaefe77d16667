import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Conflict, Forbidden, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { forUpdate } from '../database/locking.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { CompensationLettersService } from './compensation-letters.service.js';
import { Compensation } from './compensation.entity.js';
import {
  type CompensationDecision,
  type CompensationReason,
  decisionRefusal,
  paymentRefusal,
  type Refusal,
  withdrawalRefusal,
} from './compensation.rules.js';
import type {
  CompensationVersionDto,
  DecideCompensationDto,
  PayCompensationDto,
  ProposeCompensationDto,
} from './dto/compensation.dto.js';

type AgentActor = Actor & { type: 'agent' };

/** How many proposals the queue awaiting decision shows at once, oldest first. */
const AWAITING_DECISION_LIMIT = 200;

/**
 * Compensation on a ticket: an agent proposes, a supervisor (up to the limit) or an admin other than the
 * proposer approves or rejects, the customer is told by letter, and a supervisor or admin records payment.
 */
@Injectable()
export class CompensationsService {
  private readonly logger = new Logger(CompensationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly letters: CompensationLettersService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  propose(ticketId: string, dto: ProposeCompensationDto, actor: AgentActor): Promise<Compensation> {
    return this.dataSource.transaction(async (em) => {
      await this.tickets.loadForWork(em, ticketId, actor);
      const now = this.clock.now();
      const row = em.create(Compensation, {
        ticketId,
        reasonCode: dto.reasonCode as CompensationReason,
        explanation: dto.explanation.trim(),
        amountVnd: dto.amountVnd,
        evidenceLinks: JSON.stringify(dto.evidenceLinks ?? []),
        state: 'proposed',
        proposedById: actor.id,
        proposedAt: now,
        decidedById: null,
        decidedAt: null,
        decisionNote: null,
        letterMessageId: null,
        paidById: null,
        paidAt: null,
        paymentReference: null,
        withdrawnAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Compensation, row);
      await this.audit.record(em, actor, [
        {
          action: 'compensation.propose',
          recordType: 'compensation',
          recordId: row.id,
          fields: {
            ticketId: [null, ticketId],
            state: [null, 'proposed'],
            amountVnd: [null, row.amountVnd],
            reasonCode: [null, row.reasonCode],
          },
        },
      ]);
      this.logger.log({ compensationId: row.id, ticketId }, 'compensation proposed');
      return row;
    });
  }

  async listForTicket(ticketId: string, actor: Actor): Promise<Compensation[]> {
    await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
    return this.dataSource
      .getRepository(Compensation)
      .find({ where: { ticketId }, order: { proposedAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string, actor: Actor): Promise<Compensation> {
    const row = await this.dataSource.getRepository(Compensation).findOne({ where: { id } });
    if (!row) throw new NotFound('compensation', id);
    // Out of the agent's reach looks the same as missing, as for the ticket itself.
    await this.tickets.loadForWork(this.dataSource.manager, row.ticketId, actor).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound('compensation', id) : error;
    });
    return row;
  }

  /** Proposals waiting for a supervisor or an admin, oldest first. */
  awaitingDecision(): Promise<Compensation[]> {
    return this.dataSource.getRepository(Compensation).find({
      where: { state: 'proposed' },
      order: { proposedAt: 'ASC', id: 'ASC' },
      take: AWAITING_DECISION_LIMIT,
    });
  }

  decide(
    id: string,
    decision: CompensationDecision,
    dto: DecideCompensationDto,
    actor: AgentActor,
  ): Promise<Compensation> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(decisionRefusal(row, actor, decision, this.config.compensation.supervisorLimitVnd));
      const now = this.clock.now();
      const state = decision === 'approve' ? 'approved' : 'rejected';
      const decided = {
        state,
        decidedById: actor.id,
        decidedAt: now,
        decisionNote: dto.note.trim(),
      } as const;
      const ticket = await this.tickets.loadForWork(em, row.ticketId, actor);
      const letterMessageId = await this.letters.send(
        em,
        ticket,
        { ...row, ...decided },
        decision,
        actor,
        now,
      );
      const saved = await this.commit(em, row, { ...decided, letterMessageId }, now);
      await this.audit.record(em, actor, [
        {
          action: `compensation.${decision}`,
          recordType: 'compensation',
          recordId: id,
          fields: { state: ['proposed', state], letterMessageId: [null, letterMessageId] },
          reason: saved.decisionNote!.slice(0, 500),
        },
      ]);
      this.logger.log({ compensationId: id, state }, 'compensation decided');
      return saved;
    });
  }

  markPaid(id: string, dto: PayCompensationDto, actor: AgentActor): Promise<Compensation> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(paymentRefusal(row.state));
      const paid = {
        state: 'paid',
        paidById: actor.id,
        paidAt: this.clock.now(),
        paymentReference: dto.paymentReference.trim(),
      } as const;
      const saved = await this.commit(em, row, paid, paid.paidAt);
      await this.audit.record(em, actor, [
        {
          action: 'compensation.pay',
          recordType: 'compensation',
          recordId: id,
          fields: { state: ['approved', 'paid'], paymentReference: [null, paid.paymentReference] },
        },
      ]);
      return saved;
    });
  }

  withdraw(id: string, dto: CompensationVersionDto, actor: AgentActor): Promise<Compensation> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.lockCurrent(em, id, dto.version);
      refuseIf(withdrawalRefusal(row, actor.id));
      const now = this.clock.now();
      const saved = await this.commit(em, row, { state: 'withdrawn', withdrawnAt: now }, now);
      await this.audit.record(em, actor, [
        {
          action: 'compensation.withdraw',
          recordType: 'compensation',
          recordId: id,
          fields: { state: ['proposed', 'withdrawn'] },
        },
      ]);
      return saved;
    });
  }

  /**
   * The row, locked until the transaction ends on MySQL/MariaDB, so two decisions on one proposal queue up
   * and the second sees the first's version.
   */
  private async lockCurrent(em: EntityManager, id: string, sentVersion: number): Promise<Compensation> {
    const row = await forUpdate(
      em.createQueryBuilder(Compensation, 'compensation').where('compensation.id = :id', { id }),
    ).getOne();
    if (!row) throw new NotFound('compensation', id);
    if (row.version !== sentVersion) {
      throw new StaleVersion('The compensation', sentVersion, {
        version: row.version,
        changed: { state: row.state },
      });
    }
    return row;
  }

  private async commit(
    em: EntityManager,
    row: Compensation,
    changes: Partial<Compensation>,
    now: Date,
  ): Promise<Compensation> {
    const next = { ...changes, version: row.version + 1, updatedAt: now };
    const result = await em.update(Compensation, { id: row.id, version: row.version }, next);
    if (result.affected !== 1) {
      throw new StaleVersion('The compensation', row.version, { version: row.version + 1, changed: {} });
    }
    return Object.assign(row, next);
  }
}

function refuseIf(refusal: Refusal | null): void {
  if (!refusal) return;
  throw refusal.kind === 'forbidden' ? new Forbidden(refusal.reason) : new Conflict(refusal.reason);
}
