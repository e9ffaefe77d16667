import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Agent } from '../auth/agent.entity.js';
import { forUpdate } from '../database/locking.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { OPEN_STATES } from '../tickets/ticket-state.rules.js';
import { chooseAssignee } from './assignment.rules.js';
import { Queue, QueueMember } from './queue.entity.js';

/** Picks the agent a new ticket goes to under its queue's assignment mode. */
@Injectable()
export class AssignmentService {
  async pick(em: EntityManager, queue: Queue): Promise<string | null> {
    if (queue.assignmentMode === 'manual') return null;
    const members = await em.find(QueueMember, { where: { queueId: queue.id }, select: { agentId: true } });
    if (members.length === 0) return null;
    const agents = await em.find(Agent, {
      where: { id: In(members.map((member) => member.agentId)), isActive: true, availability: 'available' },
      select: { id: true, capacity: true },
    });
    if (agents.length === 0) return null;
    const loads = await this.openLoads(
      em,
      agents.map((agent) => agent.id),
    );
    const chosen = chooseAssignee(
      queue.assignmentMode,
      agents.map((agent) => ({
        agentId: agent.id,
        capacity: agent.capacity,
        load: loads.get(agent.id) ?? 0,
      })),
      queue.assignmentMode === 'round_robin' ? await this.lastAssigned(em, queue.id) : null,
    );
    if (chosen && queue.assignmentMode === 'round_robin') {
      await em.update(Queue, { id: queue.id }, { lastAssignedAgentId: chosen });
    }
    return chosen;
  }

  /** Where round-robin stands, read with a lock so that tickets arriving together take turns. */
  private async lastAssigned(em: EntityManager, queueId: string): Promise<string | null> {
    const row = await forUpdate(
      em
        .createQueryBuilder(Queue, 'queue')
        .select(['queue.id', 'queue.lastAssignedAgentId'])
        .where({ id: queueId }),
    ).getOne();
    return row?.lastAssignedAgentId ?? null;
  }

  /** Open tickets per agent, counted on idx_tickets_assignee. */
  async openLoads(em: EntityManager, agentIds: string[]): Promise<Map<string, number>> {
    const rows = await em
      .createQueryBuilder(Ticket, 'ticket')
      .select('ticket.assigneeId', 'agentId')
      .addSelect('COUNT(*)', 'load')
      .where({ assigneeId: In(agentIds), state: In([...OPEN_STATES]) })
      .groupBy('ticket.assigneeId')
      .getRawMany<{ agentId: string; load: unknown }>();
    return new Map(rows.map((row) => [row.agentId, Number(row.load)]));
  }
}
