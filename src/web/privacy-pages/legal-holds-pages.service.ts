import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { NotFound } from '../../common/errors/domain-error.js';
import {
  PlaceLegalHoldDto,
  ReleaseLegalHoldDto,
  toLegalHoldView,
} from '../../retention/dto/legal-hold.dto.js';
import type { LegalHold } from '../../retention/legal-hold.entity.js';
import { LegalHoldsService } from '../../retention/legal-holds.service.js';
import { displayNumber, Ticket } from '../../tickets/ticket.entity.js';
import { TicketsService } from '../../tickets/tickets.service.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { checked, refusalOf } from '../policy-pages/page-refusal.js';
import { ticketNumberOf } from './privacy-forms.js';
import { staffNames } from '../staff-names.js';

type AgentActor = Actor & { type: 'agent' };

/** The legal holds pages, through LegalHoldsService: it locks the customer, refuses one already anonymised, audits. */
@Injectable()
export class LegalHoldsPagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holds: LegalHoldsService,
    private readonly tickets: TicketsService,
    private readonly agents: AgentsService,
  ) {}

  /** Active holds and released ones, latest first, with their tickets' numbers and who placed or released them. */
  async list() {
    const [active, released, nameOf] = await Promise.all([
      this.holds.list({ active: true }),
      this.holds.list({ active: false }),
      staffNames(this.agents),
    ]);
    const numberOf = await this.ticketNumbers([...active, ...released]);
    const shown = (hold: LegalHold) => ({
      ...toLegalHoldView(hold),
      ticketNumber: numberOf(hold.ticketId),
      placedBy: nameOf(hold.placedById),
      releasedBy: nameOf(hold.releasedById),
    });
    return { active: active.map(shown), released: released.map(shown) };
  }

  /** Holds the ticket named by its number (and so its customer), or the customer named by id. */
  place(form: PostedForm, actor: AgentActor) {
    return refusalOf(async () => {
      const typedTicket = textOf(form, 'ticket');
      const customerId = textOf(form, 'customerId');
      const reference = textOf(form, 'reference');
      let target: { ticketId: string } | { customerId: string } = { customerId };
      if (typedTicket) {
        const number = ticketNumberOf(typedTicket);
        const ticket =
          number === null ? null : await this.tickets.findByNumber(this.dataSource.manager, number);
        if (!ticket) throw new NotFound('ticket', typedTicket);
        target = { ticketId: ticket.id };
      }
      const dto = await checked(PlaceLegalHoldDto, {
        ...target,
        reason: textOf(form, 'reason'),
        ...(reference ? { reference } : {}),
      });
      return this.holds.place(dto, actor);
    });
  }

  release(id: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () =>
      this.holds.release(id, await checked(ReleaseLegalHoldDto, { reason: textOf(form, 'reason') }), actor),
    );
  }

  /**
   * The active holds on the ticket's customer, whether placed on this ticket, another of theirs or the customer:
   * each keeps the customer's data, so the ticket page shows them all.
   */
  async forTicket(ticketId: string, customerId: string) {
    const holds = await this.holds.list({ customerId, active: true });
    if (holds.length === 0) return { legalHolds: [] };
    const [nameOf, numberOf] = await Promise.all([
      staffNames(this.agents),
      this.ticketNumbers(holds.filter((hold) => hold.ticketId !== ticketId)),
    ]);
    const legalHolds = holds.map((hold) => ({
      ...toLegalHoldView(hold),
      on: hold.ticketId === ticketId ? 'thisTicket' : hold.ticketId ? 'otherTicket' : 'customer',
      ticketNumber: hold.ticketId && hold.ticketId !== ticketId ? numberOf(hold.ticketId) : null,
      placedBy: nameOf(hold.placedById),
    }));
    return { legalHolds };
  }

  /** Holds the ticket, and so its customer; the ticket is read within the supervisor's reach. */
  placeOnTicket(ticketId: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () => {
      await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
      const reference = textOf(form, 'reference');
      const dto = await checked(PlaceLegalHoldDto, {
        ticketId,
        reason: textOf(form, 'reason'),
        ...(reference ? { reference } : {}),
      });
      return this.holds.place(dto, actor);
    });
  }

  /** Releases a hold on the ticket or its customer; any other hold is not found from here. */
  releaseOnTicket(ticketId: string, holdId: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () => {
      const ticket = await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
      const hold = await this.holds.get(holdId);
      if (hold.ticketId !== ticketId && hold.customerId !== ticket.customerId)
        throw new NotFound('legal hold', holdId);
      return this.holds.release(
        holdId,
        await checked(ReleaseLegalHoldDto, { reason: textOf(form, 'reason') }),
        actor,
      );
    });
  }

  /** The display numbers of the holds' tickets, by ticket id; a ticket no longer found shows as its id. */
  private async ticketNumbers(holds: LegalHold[]): Promise<(id: string | null) => string | null> {
    const ticketIds = [...new Set(holds.flatMap((hold) => hold.ticketId ?? []))];
    const tickets = ticketIds.length
      ? await this.dataSource.manager.find(Ticket, {
          where: { id: In(ticketIds) },
          select: { id: true, number: true },
        })
      : [];
    const numbers = new Map(tickets.map((ticket) => [ticket.id, displayNumber(ticket.number)]));
    return (id) => (id === null ? null : (numbers.get(id) ?? id));
  }
}
