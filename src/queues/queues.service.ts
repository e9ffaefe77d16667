import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { isForeignKeyViolation, isUniqueViolation } from '../common/errors/database-errors.js';
import { Clock } from '../common/clock.js';
import { Invalid, NotFound } from '../common/errors/domain-error.js';
import { CreateQueueDto, QueueCountsView, UpdateQueueDto } from './dto/queue.dto.js';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/role.js';
import { OPEN_STATES } from '../tickets/ticket-state.rules.js';
import { QueueCountsService } from './queue-counts.service.js';
import { Queue, QueueMember } from './queue.entity.js';
import { QueueInUse, QueueNameTaken } from './queue.errors.js';

export interface QueueWithMembers {
  queue: Queue;
  memberIds: string[];
}

const QUEUE_CACHE_MS = 10_000;

const AUDITED_FIELDS = ['name', 'description', 'isDefault', 'isActive', 'assignmentMode'] as const;

function changedFields(before: Partial<Queue>, after: Queue): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of AUDITED_FIELDS) {
    if (before[field] !== after[field]) changes[field] = [before[field] ?? null, after[field]];
  }
  return changes;
}

@Injectable()
export class QueuesService {
  private cached: { queues: Queue[]; until: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ticketCounts: QueueCountsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<QueueWithMembers[]> {
    const [queues, members] = await Promise.all([
      this.dataSource.getRepository(Queue).find({ order: { name: 'ASC' } }),
      this.dataSource.getRepository(QueueMember).find(),
    ]);
    return queues.map((queue) => ({
      queue,
      memberIds: members.filter((member) => member.queueId === queue.id).map((member) => member.agentId),
    }));
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<QueueWithMembers> {
    const queue = await em.findOne(Queue, { where: { id } });
    if (!queue) throw new NotFound('queue', id);
    const members = await em.find(QueueMember, { where: { queueId: id } });
    return { queue, memberIds: members.map((member) => member.agentId) };
  }

  /** The active queue a ticket goes to when nothing says otherwise. */
  async defaultQueue(em: EntityManager = this.dataSource.manager): Promise<Queue> {
    const queue = (await this.allQueues(em)).find((candidate) => candidate.isDefault && candidate.isActive);
    if (!queue) throw new Invalid('No active default queue is configured');
    return queue;
  }

  /** A queue that may take tickets: it exists and is active. */
  async activeQueue(id: string, em: EntityManager = this.dataSource.manager): Promise<Queue> {
    const queue =
      (await this.allQueues(em)).find((candidate) => candidate.id === id) ??
      (await em.findOne(Queue, { where: { id } }));
    if (!queue) throw new NotFound('queue', id);
    if (!queue.isActive) throw new Invalid(`Queue "${queue.name}" is inactive`);
    return queue;
  }

  /**
   * Every new ticket needs its queue; queues change rarely, so each instance keeps the list for a few
   * seconds (its own changes clear it at once). Copies, so callers cannot change the cached rows.
   */
  private async allQueues(em: EntityManager): Promise<Queue[]> {
    if (!this.cached || this.cached.until <= Date.now()) {
      this.cached = { queues: await em.find(Queue), until: Date.now() + QUEUE_CACHE_MS };
    }
    return this.cached.queues.map((queue) => ({ ...queue }));
  }

  create(dto: CreateQueueDto, actor: Actor): Promise<QueueWithMembers> {
    return this.saving(dto.name, async (em) => {
      const now = this.clock.now();
      const queue = em.create(Queue, {
        name: dto.name,
        description: dto.description ?? null,
        isDefault: dto.isDefault ?? false,
        isActive: true,
        assignmentMode: dto.assignmentMode ?? 'manual',
        lastAssignedAgentId: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Queue, queue);
      if (queue.isDefault) await this.makeOnlyDefault(em, queue.id);
      await this.audit.record(em, actor, [
        { action: 'queue.create', recordType: 'queue', recordId: queue.id, fields: changedFields({}, queue) },
      ]);
      return { queue, memberIds: [] };
    });
  }

  update(id: string, dto: UpdateQueueDto, actor: Actor): Promise<QueueWithMembers> {
    return this.saving(dto.name ?? '', async (em) => {
      const { queue, memberIds } = await this.get(id, em);
      if (dto.isDefault === false && queue.isDefault)
        throw new Invalid('Make another queue the default instead');
      if (dto.isActive === false && (queue.isDefault || dto.isDefault)) {
        throw new Invalid('The default queue cannot be deactivated');
      }
      const before = { ...queue };
      Object.assign(queue, dto, { updatedAt: this.clock.now() });
      await em.save(queue);
      if (dto.isDefault) await this.makeOnlyDefault(em, queue.id);
      const changes = changedFields(before, queue);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(em, actor, [
          { action: 'queue.update', recordType: 'queue', recordId: id, fields: changes },
        ]);
      }
      return { queue, memberIds };
    });
  }

  /** Deletes a queue no ticket has ever used; otherwise it must be deactivated, so history keeps its queue. */
  async remove(id: string, actor: Actor): Promise<void> {
    const { queue } = await this.get(id);
    if (queue.isDefault) throw new QueueInUse(queue.name, 'it is the default queue');
    try {
      await this.dataSource.transaction(async (em) => {
        await em.delete(Queue, { id });
        await this.audit.record(em, actor, [
          { action: 'queue.delete', recordType: 'queue', recordId: id, fields: { name: [queue.name, null] } },
        ]);
      });
      this.cached = null;
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new QueueInUse(queue.name, 'tickets are or were in it');
      throw error;
    }
  }

  async setMembers(id: string, agentIds: string[], actor: Actor): Promise<QueueWithMembers> {
    return this.dataSource.transaction(async (em) => {
      const { queue, memberIds: before } = await this.get(id, em);
      await em.delete(QueueMember, { queueId: id });
      if (agentIds.length > 0) {
        const now = this.clock.now();
        await em
          .insert(
            QueueMember,
            agentIds.map((agentId) => ({ queueId: id, agentId, createdAt: now })),
          )
          .catch((error: unknown) => {
            throw isForeignKeyViolation(error)
              ? new Invalid('agentIds names an agent that does not exist')
              : error;
          });
      }
      await this.audit.record(em, actor, [
        {
          action: 'queue.members',
          recordType: 'queue',
          recordId: id,
          fields: { members: [before, agentIds] },
        },
      ]);
      return { queue, memberIds: agentIds };
    });
  }

  /** Sidebar counts per queue and state, from the count deltas (never by counting tickets). */
  async counts(queueIds: string[] | null): Promise<QueueCountsView[]> {
    const [queues, counts] = await Promise.all([
      this.dataSource.getRepository(Queue).find({ where: { isActive: true }, order: { name: 'ASC' } }),
      this.ticketCounts.counts(queueIds ?? undefined),
    ]);
    const open: readonly string[] = OPEN_STATES;
    return queues
      .filter((queue) => !queueIds || queueIds.includes(queue.id))
      .map((queue) => {
        const states = counts
          .filter((count) => count.queueId === queue.id)
          .map(({ state, assigned, unassigned }) => ({ state, assigned, unassigned }));
        const working = states.filter((count) => open.includes(count.state));
        return {
          queueId: queue.id,
          name: queue.name,
          open: working.reduce((sum, count) => sum + count.assigned + count.unassigned, 0),
          unassigned: working.reduce((sum, count) => sum + count.unassigned, 0),
          states,
        };
      });
  }

  /** The queues `actor` works: an agent's own; null (all of them) for supervisors, admins and the system. */
  async workableQueueIds(actor: Actor): Promise<string[] | null> {
    if (actor.type !== 'agent' || hasRole(actor.role, 'supervisor')) return null;
    return this.queueIdsOf(actor.id);
  }

  async queueIdsOf(agentId: string): Promise<string[]> {
    const members = await this.dataSource.getRepository(QueueMember).find({ where: { agentId } });
    return members.map((member) => member.queueId);
  }

  private async makeOnlyDefault(em: EntityManager, id: string): Promise<void> {
    await em.update(Queue, { id: Not(id), isDefault: true }, { isDefault: false });
  }

  private async saving<T>(name: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new QueueNameTaken(name);
      throw error;
    } finally {
      this.cached = null;
    }
  }
}
