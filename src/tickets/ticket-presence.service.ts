import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, MoreThan } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { type PresenceActivity, TicketPresence } from './ticket-presence.entity.js';
import { TicketsService } from './tickets.service.js';

/** A heartbeat keeps an agent present this long; consoles send one every 10 seconds. */
export const PRESENCE_TTL_MS = 30_000;

export interface PresentAgent {
  agentId: string;
  displayName: string;
  activity: PresenceActivity;
  expiresAt: Date;
}

/** Who is viewing or replying to a ticket, so two agents do not answer the same customer twice. */
@Injectable()
export class TicketPresenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly clock: Clock,
  ) {}

  async heartbeat(ticketId: string, activity: PresenceActivity, actor: Actor & { type: 'agent' }) {
    await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PRESENCE_TTL_MS);
    const repository = this.dataSource.getRepository(TicketPresence);
    const key = { ticketId, agentId: actor.id };
    const updated = await repository.update(key, { activity, expiresAt });
    if (!updated.affected) {
      await repository.insert({ ...key, activity, expiresAt }).catch(async (error: unknown) => {
        // Two heartbeats of one agent raced; the other inserted the row.
        if (!isUniqueViolation(error)) throw error;
        await repository.update(key, { activity, expiresAt });
      });
    }
    await repository.delete({ ticketId, expiresAt: LessThanOrEqual(now) });
    return this.present(ticketId, actor);
  }

  async leave(ticketId: string, actor: Actor & { type: 'agent' }): Promise<void> {
    await this.dataSource.getRepository(TicketPresence).delete({ ticketId, agentId: actor.id });
  }

  async present(ticketId: string, actor: Actor): Promise<PresentAgent[]> {
    await this.tickets.loadForWork(this.dataSource.manager, ticketId, actor);
    const rows = await this.dataSource
      .getRepository(TicketPresence)
      .find({ where: { ticketId, expiresAt: MoreThan(this.clock.now()) } });
    if (rows.length === 0) return [];
    const agents = await this.dataSource
      .getRepository(Agent)
      .find({ where: { id: In(rows.map((row) => row.agentId)) }, select: { id: true, displayName: true } });
    return rows.map((row) => ({
      agentId: row.agentId,
      displayName: agents.find((agent) => agent.id === row.agentId)?.displayName ?? '',
      activity: row.activity,
      expiresAt: row.expiresAt,
    }));
  }
}
