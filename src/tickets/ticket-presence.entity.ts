import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PRESENCE_ACTIVITIES = ['viewing', 'replying'] as const;
export type PresenceActivity = (typeof PRESENCE_ACTIVITIES)[number];

/** An agent looking at or answering a ticket right now; it lapses unless the console keeps sending heartbeats. */
@Entity('ticket_presence')
export class TicketPresence {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @PrimaryColumn({ name: 'agent_id', type: 'varchar', length: 36 }) agentId: string;
  @Column({ type: 'varchar', length: 10 }) activity: PresenceActivity;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
}
