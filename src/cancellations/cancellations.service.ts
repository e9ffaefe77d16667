import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import type { FieldReason } from '../common/errors/validation.js';
import { Forbidden, Invalid, InvalidInput, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { isFinal } from '../tickets/ticket-state.rules.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { CancellationLettersService } from './cancellation-letters.service.js';
import { CancellationTermsService } from './cancellation-terms.service.js';
import { Cancellation } from './cancellation.entity.js';
import { CancellationAlreadyDecided, TicketTakesNoCancellation } from './cancellation.errors.js';
import { daysBeforeDeparture, decideCancellation, penaltyAmounts, penaltyFor } from './cancellation.rules.js';
import type { CreateCancellationDto, DecideCancellationDto } from './dto/cancellation.dto.js';

type AgentActor = Actor & { type: 'agent' };

/** Cancellation requests on tickets: quoted from the current terms when recorded, then decided once. */
@Injectable()
export class CancellationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly terms: CancellationTermsService,
    private readonly letters: CancellationLettersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records the request with its quote: the current terms of the product type, applied to the days left. */
  create(ticketId: string, dto: CreateCancellationDto, actor: Actor): Promise<Cancellation> {
    return this.dataSource.transaction(async (em) => {
      const ticket = await this.tickets.loadForWork(em, ticketId, actor);
      if (isFinal(ticket.state)) throw new TicketTakesNoCancellation(ticket.state);
      const now = this.clock.now();
      const requestedAt = dto.requestedAt ? new Date(dto.requestedAt) : now;
      const bookingReference = dto.bookingReference?.trim() || ticket.bookingReference;
      const terms = await this.terms.current(em, dto.productType);
      const problems: FieldReason[] = [];
      if (!bookingReference)
        problems.push({
          field: 'bookingReference',
          reason: 'bookingReference is required: the ticket has none',
        });
      if (requestedAt > now)
        problems.push({ field: 'requestedAt', reason: 'requestedAt must not be in the future' });
      if (!terms)
        problems.push({
          field: 'productType',
          reason: `there are no cancellation terms for ${dto.productType}`,
        });
      if (!terms || !bookingReference || problems.length > 0) throw new InvalidInput(problems);
      const days = daysBeforeDeparture(requestedAt, dto.departureDate);
      const { percentKept, band } = penaltyFor(CancellationTermsService.termsOf(terms), days);
      const row = em.create(Cancellation, {
        ticketId: ticket.id,
        bookingReference,
        productType: terms.productType,
        departureDate: dto.departureDate,
        priceVnd: dto.priceVnd,
        requestedAt,
        daysBeforeDeparture: days,
        termsId: terms.id,
        termsVersion: terms.version,
        appliedBand: JSON.stringify(band),
        penaltyPercent: percentKept,
        ...penaltyAmounts(dto.priceVnd, percentKept),
        state: 'quoted',
        decidedPenaltyAmountVnd: null,
        decidedRefundAmountVnd: null,
        decisionReason: null,
        decidedById: null,
        decidedAt: null,
        letterMessageId: null,
        createdById: actor.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Cancellation, row);
      await this.audit.record(em, actor, [
        {
          action: 'cancellation.quote',
          recordType: 'cancellation',
          recordId: row.id,
          fields: {
            ticketId: [null, ticket.id],
            termsVersion: [null, row.termsVersion],
            penaltyPercent: [null, row.penaltyPercent],
            penaltyAmountVnd: [null, row.penaltyAmountVnd],
          },
        },
      ]);
      return row;
    });
  }

  async listForTicket(ticketId: string, actor: Actor): Promise<Cancellation[]> {
    await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
    return this.dataSource
      .getRepository(Cancellation)
      .find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string, actor: Actor): Promise<Cancellation> {
    return (await this.load(this.dataSource.manager, id, actor)).row;
  }

  /**
   * Records the decision and sends the letter, once: a decided cancellation stays decided. Reducing or waiving
   * the penalty takes a supervisor.
   */
  decide(id: string, dto: DecideCancellationDto, actor: AgentActor): Promise<Cancellation> {
    return this.dataSource.transaction(async (em) => {
      const { row, ticket } = await this.load(em, id, actor);
      if (row.state !== 'quoted') throw new CancellationAlreadyDecided(id, row.state);
      if (row.version !== dto.version)
        throw new StaleVersion('The cancellation', dto.version, { version: row.version, changed: {} });
      const outcome = decideCancellation(row, dto, actor.role);
      if (!outcome.allowed) {
        if (outcome.kind === 'invalid_input') throw new InvalidInput(outcome.errors);
        throw outcome.kind === 'forbidden' ? new Forbidden(outcome.reason) : new Invalid(outcome.reason);
      }
      const { state, penaltyAmountVnd, refundAmountVnd } = outcome;
      const reason = dto.reason?.trim() || null;
      const terms = await this.terms.version(em, row.termsId);
      const letterMessageId = await this.letters.send(
        em,
        ticket,
        { cancellation: row, terms, state, penaltyAmountVnd, refundAmountVnd, reason },
        actor,
      );
      const now = this.clock.now();
      const fields = {
        state,
        decidedPenaltyAmountVnd: penaltyAmountVnd,
        decidedRefundAmountVnd: refundAmountVnd,
        decisionReason: reason,
        decidedById: actor.id,
        decidedAt: now,
        letterMessageId,
        version: row.version + 1,
        updatedAt: now,
      };
      const result = await em.update(Cancellation, { id, version: row.version, state: 'quoted' }, fields);
      if (result.affected !== 1)
        throw new StaleVersion('The cancellation', dto.version, { version: row.version + 1, changed: {} });
      await this.audit.record(em, actor, [
        {
          action: `cancellation.${dto.decision}`,
          recordType: 'cancellation',
          recordId: id,
          fields: {
            state: ['quoted', state],
            penaltyAmountVnd: [row.penaltyAmountVnd, penaltyAmountVnd],
            refundAmountVnd: [row.refundAmountVnd, refundAmountVnd],
          },
          reason,
        },
      ]);
      return Object.assign(row, fields);
    });
  }

  /** The cancellation if `actor` may work its ticket; out of reach looks the same as missing. */
  private async load(em: EntityManager, id: string, actor: Actor) {
    const row = await em.findOne(Cancellation, { where: { id } });
    if (!row) throw new NotFound('cancellation', id);
    const ticket = await this.tickets.loadForWork(em, row.ticketId, actor).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound('cancellation', id) : error;
    });
    return { row, ticket };
  }
}
