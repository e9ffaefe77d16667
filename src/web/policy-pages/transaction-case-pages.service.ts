import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import {
  MoveTransactionCaseDto,
  OpenTransactionCaseDto,
  toTransactionCaseView,
} from '../../transaction-cases/dto/transaction-case.dto.js';
import {
  TRANSACTION_CASE_KINDS,
  type TransactionCaseMove,
} from '../../transaction-cases/transaction-case.rules.js';
import { TransactionCasesService } from '../../transaction-cases/transaction-cases.service.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { checked, refusalOf } from './page-refusal.js';
import { transactionCaseToOpen, versionOf } from './policy-forms.js';
import { staffNames } from '../staff-names.js';

type AgentActor = Actor & { type: 'agent' };

/** The ticket page's transaction case section, through TransactionCasesService (scoping, letters, webhook). */
@Injectable()
export class TransactionCasePagesService {
  constructor(
    private readonly cases: TransactionCasesService,
    private readonly agents: AgentsService,
  ) {}

  /** The ticket's cases, oldest first, with who moved each one by name and its calls to the booking system. */
  async forTicket(ticketId: string, actor: Actor) {
    const [cases, nameOf] = await Promise.all([
      this.cases.listForTicket(ticketId, actor),
      staffNames(this.agents),
    ]);
    return {
      transactionCases: cases.map(({ row, deliveries }) => ({
        ...toTransactionCaseView(row, deliveries),
        reportedBy: nameOf(row.reportedById),
        suspendedBy: nameOf(row.suspendedById),
        decidedBy: nameOf(row.decidedById),
      })),
      transactionCaseKinds: TRANSACTION_CASE_KINDS,
    };
  }

  open(ticketId: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () =>
      this.cases.open(ticketId, await checked(OpenTransactionCaseDto, transactionCaseToOpen(form)), actor),
    );
  }

  /** The case's ticket (for the way back), read within the agent's reach; NotFound otherwise. */
  async ticketOf(id: string, actor: Actor): Promise<string> {
    return (await this.cases.get(id, actor)).row.ticketId;
  }

  move(id: string, move: TransactionCaseMove, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () => {
      const dto = await checked(MoveTransactionCaseDto, {
        reason: textOf(form, 'reason'),
        version: versionOf(form),
      });
      return this.cases.move(id, move, dto, actor);
    });
  }
}
