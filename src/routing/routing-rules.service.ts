import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidInput, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import type { FieldReason } from '../common/errors/validation.js';
import { Queue } from '../queues/queue.entity.js';
import { Category } from '../tickets/category.entity.js';
import { CreateRoutingRuleDto, UpdateRoutingRuleDto } from './dto/routing-rule.dto.js';
import { RoutingRule } from './routing-rule.entity.js';
import {
  type RoutingRuleSpec,
  type RuleAction,
  type RuleCondition,
  ruleProblems,
} from './routing-rules.rules.js';

const CACHE_MS = 10_000;

/** The ordered routing rules admins manage: validated on save, audited, read by every new ticket. */
@Injectable()
export class RoutingRulesService {
  private cached: { rules: RoutingRuleSpec[]; until: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(): Promise<RoutingRule[]> {
    return this.dataSource.getRepository(RoutingRule).find({ order: { position: 'ASC', createdAt: 'ASC' } });
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<RoutingRule> {
    const rule = await em.findOne(RoutingRule, { where: { id } });
    if (!rule) throw new NotFound('routing rule', id);
    return rule;
  }

  /** The active rules in the order they run. */
  async activeRules(em: EntityManager): Promise<RoutingRuleSpec[]> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.rules;
    const rows = await em.find(RoutingRule, {
      where: { isActive: true },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const rules = rows.map((rule) => ({
      id: rule.id,
      name: rule.name,
      matchMode: rule.matchMode,
      conditions: JSON.parse(rule.conditions) as RuleCondition[],
      actions: JSON.parse(rule.actions) as RuleAction[],
    }));
    this.cached = { rules, until: Date.now() + CACHE_MS };
    return rules;
  }

  create(dto: CreateRoutingRuleDto, actor: Actor): Promise<RoutingRule> {
    return this.changing(async (em) => {
      await this.validate(em, dto.conditions, dto.actions);
      const now = this.clock.now();
      const last = await em.find(RoutingRule, { order: { position: 'DESC' }, take: 1 });
      const rule = em.create(RoutingRule, {
        position: dto.position ?? (last[0]?.position ?? 0) + 10,
        name: dto.name.trim(),
        isActive: dto.isActive ?? true,
        matchMode: dto.matchMode ?? 'all',
        conditions: JSON.stringify(dto.conditions),
        actions: JSON.stringify(dto.actions),
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(RoutingRule, rule);
      await this.audit.record(em, actor, [
        {
          action: 'routing_rule.create',
          recordType: 'routing_rule',
          recordId: rule.id,
          fields: { name: [null, rule.name] },
        },
      ]);
      return rule;
    });
  }

  update(id: string, dto: UpdateRoutingRuleDto, actor: Actor): Promise<RoutingRule> {
    return this.changing(async (em) => {
      const rule = await this.get(id, em);
      if (dto.version !== rule.version) {
        throw new StaleVersion('The routing rule', dto.version, { version: rule.version, changed: {} });
      }
      const { version, ...change } = dto;
      const conditions = change.conditions ?? (JSON.parse(rule.conditions) as RuleCondition[]);
      const actions = change.actions ?? (JSON.parse(rule.actions) as RuleAction[]);
      await this.validate(em, conditions, actions);
      const fields: Partial<RoutingRule> = {
        ...(change.name !== undefined && { name: change.name.trim() }),
        ...(change.matchMode !== undefined && { matchMode: change.matchMode }),
        ...(change.position !== undefined && { position: change.position }),
        ...(change.isActive !== undefined && { isActive: change.isActive }),
        ...(change.conditions !== undefined && { conditions: JSON.stringify(conditions) }),
        ...(change.actions !== undefined && { actions: JSON.stringify(actions) }),
      };
      const changed = Object.fromEntries(
        Object.entries(fields)
          .filter(([key, value]) => rule[key as keyof RoutingRule] !== value)
          .map(([key, value]) => [key, [rule[key as keyof RoutingRule], value]]),
      );
      const result = await em.update(
        RoutingRule,
        { id, version },
        { ...fields, version: version + 1, updatedAt: this.clock.now() },
      );
      if (result.affected !== 1) {
        throw new StaleVersion('The routing rule', version, { version: version + 1, changed: {} });
      }
      await this.audit.record(em, actor, [
        {
          action: 'routing_rule.update',
          recordType: 'routing_rule',
          recordId: id,
          fields: changed as Record<string, [unknown, unknown]>,
        },
      ]);
      return this.get(id, em);
    });
  }

  remove(id: string, actor: Actor): Promise<void> {
    return this.changing(async (em) => {
      const rule = await this.get(id, em);
      await em.delete(RoutingRule, { id });
      await this.audit.record(em, actor, [
        {
          action: 'routing_rule.delete',
          recordType: 'routing_rule',
          recordId: id,
          fields: { name: [rule.name, null] },
        },
      ]);
    });
  }

  private async changing<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.cached = null;
    return result;
  }

  /** Shape first (a bad pattern, an unknown operator), then whether named queues, agents and categories exist. */
  private async validate(
    em: EntityManager,
    conditions: RuleCondition[],
    actions: RuleAction[],
  ): Promise<void> {
    const problems = ruleProblems({ conditions, actions });
    if (problems.length === 0) problems.push(...(await this.referenceProblems(em, conditions, actions)));
    if (problems.length > 0) throw new InvalidInput(problems);
  }

  private async referenceProblems(
    em: EntityManager,
    conditions: RuleCondition[],
    actions: RuleAction[],
  ): Promise<FieldReason[]> {
    const categoryKeys = new Set(
      (await em.find(Category, { select: { key: true } })).map((category) => category.key),
    );
    const ids = (type: string) =>
      actions.filter((action) => action.type === type).map((action) => String(action.value));
    const queues = new Set(
      (
        await em.find(Queue, { where: { id: In(ids('set_queue')), isActive: true }, select: { id: true } })
      ).map((q) => q.id),
    );
    const agents = new Set(
      (
        await em.find(Agent, { where: { id: In(ids('assign_to')), isActive: true }, select: { id: true } })
      ).map((a) => a.id),
    );
    const problems: FieldReason[] = [];
    conditions.forEach((condition, index) => {
      if (condition.field !== 'category') return;
      const keys = Array.isArray(condition.value) ? condition.value : [String(condition.value)];
      const unknown = keys.filter((key) => !categoryKeys.has(key));
      if (unknown.length > 0)
        problems.push({
          field: `conditions.${index}.value`,
          reason: `unknown category ${unknown.join(', ')}`,
        });
    });
    actions.forEach((action, index) => {
      const field = `actions.${index}.value`;
      if (action.type === 'set_queue' && !queues.has(String(action.value)))
        problems.push({ field, reason: 'value must be the id of an active queue' });
      if (action.type === 'assign_to' && !agents.has(String(action.value)))
        problems.push({ field, reason: 'value must be the id of an active agent' });
      if (action.type === 'set_category' && !categoryKeys.has(String(action.value)))
        problems.push({ field, reason: `unknown category ${String(action.value)}` });
    });
    return problems;
  }
}
