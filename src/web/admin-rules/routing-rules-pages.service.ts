import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { DomainError, InvalidInput } from '../../common/errors/domain-error.js';
import { QueuesService } from '../../queues/queues.service.js';
import {
  CreateRoutingRuleDto,
  RoutingDryRunDto,
  toRoutingRuleView,
  UpdateRoutingRuleDto,
} from '../../routing/dto/routing-rule.dto.js';
import { TicketRoutingService } from '../../routing/ticket-routing.service.js';
import { TicketsService } from '../../tickets/tickets.service.js';
import { dtoProblems, problemsByPlace, type SaveOutcome } from './admin-form.js';
import { RoutingRulesService } from '../../routing/routing-rules.service.js';
import {
  movedPositions,
  routingRuleParts,
  routingRuleProblems,
  type RoutingRuleForm,
} from './routing-rule-form.js';

export interface DryRunForm {
  senderAddress: string;
  subject: string;
  body: string;
  language: string;
  channel: string;
}

/** The routing rules pages: the ordered list, one rule's form, moving and deleting, and the dry run. */
@Injectable()
export class RoutingRulesPagesService {
  constructor(
    private readonly routingRules: RoutingRulesService,
    private readonly routing: TicketRoutingService,
    private readonly queues: QueuesService,
    private readonly tickets: TicketsService,
    private readonly agents: AgentsService,
  ) {}

  async rules() {
    return (await this.routingRules.list()).map(toRoutingRuleView);
  }

  async rule(id: string) {
    return toRoutingRuleView(await this.routingRules.get(id));
  }

  /** Queues, categories and agents a rule may name, for the form's lists and for showing names, not ids. */
  async choices() {
    const [queues, categories, agents] = await Promise.all([
      this.queues.list(),
      this.tickets.categories(),
      this.agents.list(),
    ]);
    return {
      queues: queues.map(({ queue }) => queue).filter((queue) => queue.isActive),
      categories,
      agents: agents.filter((agent) => agent.isActive),
    };
  }

  async create(form: RoutingRuleForm, actor: Actor): Promise<SaveOutcome> {
    const parts = routingRuleParts(form);
    const body = {
      name: parts.name,
      matchMode: parts.matchMode,
      isActive: parts.isActive,
      conditions: parts.conditions,
      actions: parts.actions,
    };
    return this.saving(parts, CreateRoutingRuleDto, body, async () => {
      const rule = await this.routingRules.create(body as CreateRoutingRuleDto, actor);
      return rule.id;
    });
  }

  async update(id: string, version: number, form: RoutingRuleForm, actor: Actor): Promise<SaveOutcome> {
    const parts = routingRuleParts(form);
    const body = {
      version,
      name: parts.name,
      matchMode: parts.matchMode,
      isActive: parts.isActive,
      conditions: parts.conditions,
      actions: parts.actions,
    };
    return this.saving(parts, UpdateRoutingRuleDto, body, async () => {
      await this.routingRules.update(id, body as UpdateRoutingRuleDto, actor);
      return id;
    });
  }

  /** Moves a rule one place; the rules in between get fresh positions so ties cannot hide the move. */
  async move(id: string, direction: 'up' | 'down', actor: Actor): Promise<void> {
    const rules = await this.routingRules.list();
    const versions = new Map(rules.map((rule) => [rule.id, rule.version]));
    for (const change of movedPositions(rules, id, direction)) {
      await this.routingRules.update(
        change.id,
        { version: versions.get(change.id)!, position: change.position } as UpdateRoutingRuleDto,
        actor,
      );
    }
  }

  remove(id: string, actor: Actor): Promise<void> {
    return this.routingRules.remove(id, actor);
  }

  /** Which rules a sample message fires and where it would land, or what is wrong with the sample. */
  async dryRun(form: DryRunForm) {
    const body = {
      subject: form.subject,
      body: form.body,
      ...(form.senderAddress && { senderAddress: form.senderAddress }),
      ...(form.language && { language: form.language }),
      ...(form.channel && { channel: form.channel }),
    };
    const problems = await dtoProblems(RoutingDryRunDto, body);
    if (problems.length > 0) return { decision: null, problems: problemsByPlace(problems, (field) => field) };
    return { decision: await this.routing.dryRun(body as RoutingDryRunDto), problems: {} };
  }

  private async saving(
    parts: Parameters<typeof routingRuleProblems>[1],
    dto: new () => object,
    body: object,
    save: () => Promise<string>,
  ): Promise<SaveOutcome> {
    const problems = await dtoProblems(dto, body);
    if (problems.length > 0)
      return { saved: false, problems: routingRuleProblems(problems, parts), alert: null };
    try {
      return { saved: true, id: await save() };
    } catch (error) {
      if (error instanceof InvalidInput) {
        return { saved: false, problems: routingRuleProblems(error.errors, parts), alert: null };
      }
      if (error instanceof DomainError) return { saved: false, problems: {}, alert: error.message };
      throw error;
    }
  }
}
