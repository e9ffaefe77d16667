import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, Repository, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { NotFound } from '../common/errors/domain-error.js';
import { Customer } from '../customers/customer.entity.js';
import { forUpdate } from '../database/locking.js';
import { Ticket } from '../tickets/ticket.entity.js';
import type { ListLegalHoldsQuery, PlaceLegalHoldDto, ReleaseLegalHoldDto } from './dto/legal-hold.dto.js';
import { LegalHold } from './legal-hold.entity.js';
import { CustomerAlreadyAnonymised, LegalHoldReleased } from './retention.errors.js';

type AgentActor = Actor & { type: 'agent' };

/** Legal holds: placed and released by supervisors with a reason; while one is active, retention keeps the customer. */
@Injectable()
export class LegalHoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(LegalHold) private readonly holds: Repository<LegalHold>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  place(dto: PlaceLegalHoldDto, actor: AgentActor): Promise<LegalHold> {
    return this.dataSource.transaction(async (em) => {
      let customerId = dto.customerId;
      if (dto.ticketId) {
        const ticket = await em.findOne(Ticket, {
          where: { id: dto.ticketId },
          select: { id: true, customerId: true },
        });
        if (!ticket) throw new NotFound('ticket', dto.ticketId);
        customerId = ticket.customerId;
      }
      // Locked as the anonymiser locks it: a hold placed during a run either wins or finds the work done.
      const customer = await forUpdate(
        em.createQueryBuilder(Customer, 'customer').where('customer.id = :customerId', { customerId }),
      ).getOne();
      if (!customer) throw new NotFound('customer', customerId!);
      if (customer.anonymisedAt) throw new CustomerAlreadyAnonymised(customer.id);
      const hold = em.create(LegalHold, {
        customerId: customer.id,
        ticketId: dto.ticketId ?? null,
        reason: dto.reason.trim(),
        reference: dto.reference?.trim() || null,
        placedById: actor.id,
        placedAt: this.clock.now(),
        releasedById: null,
        releasedAt: null,
        releaseReason: null,
      });
      await em.insert(LegalHold, hold);
      await this.audit.record(em, actor, [
        {
          action: 'legal_hold.placed',
          recordType: 'legal_hold',
          recordId: hold.id,
          fields: { customer_id: [null, hold.customerId], ticket_id: [null, hold.ticketId] },
          reason: hold.reason,
        },
      ]);
      return hold;
    });
  }

  release(id: string, dto: ReleaseLegalHoldDto, actor: AgentActor): Promise<LegalHold> {
    return this.dataSource.transaction(async (em) => {
      const hold = await forUpdate(
        em.createQueryBuilder(LegalHold, 'hold').where('hold.id = :id', { id }),
      ).getOne();
      if (!hold) throw new NotFound('legal hold', id);
      if (hold.releasedAt) throw new LegalHoldReleased(id);
      Object.assign(hold, {
        releasedById: actor.id,
        releasedAt: this.clock.now(),
        releaseReason: dto.reason.trim(),
      });
      await em.update(
        LegalHold,
        { id },
        { releasedById: hold.releasedById, releasedAt: hold.releasedAt, releaseReason: hold.releaseReason },
      );
      await this.audit.record(em, actor, [
        {
          action: 'legal_hold.released',
          recordType: 'legal_hold',
          recordId: id,
          fields: { released_at: [null, hold.releasedAt!.toISOString()] },
          reason: hold.releaseReason,
        },
      ]);
      return hold;
    });
  }

  async get(id: string): Promise<LegalHold> {
    const hold = await this.holds.findOne({ where: { id } });
    if (!hold) throw new NotFound('legal hold', id);
    return hold;
  }

  list(query: ListLegalHoldsQuery): Promise<LegalHold[]> {
    const where: FindOptionsWhere<LegalHold> = {};
    if (query.customerId) where.customerId = query.customerId;
    if (query.ticketId) where.ticketId = query.ticketId;
    if (query.active !== undefined) where.releasedAt = query.active ? IsNull() : Not(IsNull());
    return this.holds.find({ where, order: { placedAt: 'DESC' }, take: 500 });
  }
}
