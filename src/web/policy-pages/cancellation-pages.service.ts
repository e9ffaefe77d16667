import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { CancellationTermsService } from '../../cancellations/cancellation-terms.service.js';
import { DECISIONS } from '../../cancellations/cancellation.rules.js';
import { CancellationsService } from '../../cancellations/cancellations.service.js';
import {
  CreateCancellationDto,
  DecideCancellationDto,
  toCancellationView,
} from '../../cancellations/dto/cancellation.dto.js';
import { type PostedForm } from '../admin-rules/admin-form.js';
import { cancellationDecision, cancellationToQuote } from './cancellation-forms.js';
import { checked, refusalOf } from './page-refusal.js';
import { versionOf } from './policy-forms.js';
import { staffNames } from '../staff-names.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * The ticket page's cancellation section, through CancellationsService: it quotes from the current terms,
 * keeps reducing and waiving for supervisors and sends the letter, so the page only shows its answer.
 */
@Injectable()
export class CancellationPagesService {
  constructor(
    private readonly cancellations: CancellationsService,
    private readonly terms: CancellationTermsService,
    private readonly agents: AgentsService,
  ) {}

  /** The ticket's quotes and decisions, oldest first, each with its product's name; and the products to quote. */
  async forTicket(ticketId: string, actor: Actor) {
    const [rows, products, nameOf] = await Promise.all([
      this.cancellations.listForTicket(ticketId, actor),
      this.terms.list(),
      staffNames(this.agents),
    ]);
    return {
      cancellations: rows.map((row) => ({
        ...toCancellationView(row),
        product: products.find((terms) => terms.productType === row.productType) ?? null,
        quotedBy: nameOf(row.createdById),
        decidedBy: nameOf(row.decidedById),
      })),
      cancellationProducts: products,
      cancellationDecisions: DECISIONS,
    };
  }

  quote(ticketId: string, form: PostedForm, actor: AgentActor, timeZone: string) {
    return refusalOf(async () =>
      this.cancellations.create(
        ticketId,
        await checked(CreateCancellationDto, cancellationToQuote(form, timeZone)),
        actor,
      ),
    );
  }

  /** The cancellation's ticket (for the way back), read within the agent's reach; NotFound otherwise. */
  async ticketOf(id: string, actor: Actor): Promise<string> {
    return (await this.cancellations.get(id, actor)).ticketId;
  }

  decide(id: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () =>
      this.cancellations.decide(
        id,
        await checked(DecideCancellationDto, cancellationDecision(form, versionOf(form))),
        actor,
      ),
    );
  }
}
