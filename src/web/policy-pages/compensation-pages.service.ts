import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { Clock } from '../../common/clock.js';
import { CompensationReportService } from '../../compensation/compensation-report.service.js';
import { COMPENSATION_REASONS, type CompensationDecision } from '../../compensation/compensation.rules.js';
import { CompensationsService } from '../../compensation/compensations.service.js';
import {
  CompensationVersionDto,
  DecideCompensationDto,
  PayCompensationDto,
  ProposeCompensationDto,
  toCompensationView,
} from '../../compensation/dto/compensation.dto.js';
import type { Compensation } from '../../compensation/compensation.entity.js';
import { AppConfig } from '../../config/app-config.js';
import { displayNumber } from '../../tickets/ticket.entity.js';
import { TicketsService } from '../../tickets/tickets.service.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { checked, refusalOf } from './page-refusal.js';
import { compensationToPropose, dayOf, versionOf } from './policy-forms.js';
import { staffNames } from '../staff-names.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * Compensation in the console, through CompensationsService: it enforces the roles' limits and the four-eyes
 * rule, so the pages only show its answer.
 */
@Injectable()
export class CompensationPagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compensations: CompensationsService,
    private readonly reports: CompensationReportService,
    private readonly tickets: TicketsService,
    private readonly agents: AgentsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async forTicket(ticketId: string, actor: Actor) {
    const rows = await this.compensations.listForTicket(ticketId, actor);
    return { compensations: await this.named(rows), compensationReasons: COMPENSATION_REASONS };
  }

  /** Proposals waiting for a decision across tickets, oldest first, each with its ticket's number. */
  async awaitingDecision() {
    const rows = await this.compensations.awaitingDecision();
    const em = this.dataSource.manager;
    const ticketIds = [...new Set(rows.map((row) => row.ticketId))];
    const tickets = await Promise.all(ticketIds.map((id) => this.tickets.findById(em, id)));
    const numberOf = (id: string) => {
      const ticket = tickets.find((candidate) => candidate?.id === id);
      return ticket ? displayNumber(ticket.number) : id;
    };
    return (await this.named(rows)).map((row) => ({ ...row, ticketNumber: numberOf(row.ticketId) }));
  }

  /** Compensation paid in the period (this month so far unless asked), by reason and month, or why not. */
  async report(query: { from?: unknown; to?: unknown }) {
    const today = DateTime.fromJSDate(this.clock.now(), { zone: this.config.defaultTimeZone });
    const period = {
      from: dayOf(query.from, today.startOf('month').toISODate()!),
      to: dayOf(query.to, today.toISODate()!),
    };
    let report = null;
    const refused = await refusalOf(async () => {
      report = await this.reports.report(period);
    });
    return { period, report, reportRefused: refused?.reason ?? null };
  }

  propose(ticketId: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () =>
      this.compensations.propose(
        ticketId,
        await checked(ProposeCompensationDto, compensationToPropose(form)),
        actor,
      ),
    );
  }

  /** The proposal's ticket (for the way back), read within the agent's reach; NotFound otherwise. */
  async ticketOf(id: string, actor: Actor): Promise<string> {
    return (await this.compensations.get(id, actor)).ticketId;
  }

  decide(id: string, decision: CompensationDecision, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () => {
      const dto = await checked(DecideCompensationDto, {
        version: versionOf(form),
        note: textOf(form, 'note'),
      });
      return this.compensations.decide(id, decision, dto, actor);
    });
  }

  markPaid(id: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () => {
      const dto = await checked(PayCompensationDto, {
        version: versionOf(form),
        paymentReference: textOf(form, 'paymentReference'),
      });
      return this.compensations.markPaid(id, dto, actor);
    });
  }

  withdraw(id: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () =>
      this.compensations.withdraw(
        id,
        await checked(CompensationVersionDto, { version: versionOf(form) }),
        actor,
      ),
    );
  }

  private async named(rows: Compensation[]) {
    const nameOf = await staffNames(this.agents);
    return rows.map((row) => ({
      ...toCompensationView(row),
      proposedBy: nameOf(row.proposedById),
      decidedBy: nameOf(row.decidedById),
      paidBy: nameOf(row.paidById),
    }));
  }
}
