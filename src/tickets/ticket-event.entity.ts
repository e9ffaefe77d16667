import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TicketEventKind =
  | 'created'
  | 'state_changed'
  | 'reopened'
  | 'priority_changed'
  | 'queue_changed'
  | 'assignee_changed'
  | 'category_changed'
  | 'tags_changed'
  | 'booking_reference_changed'
  | 'message_added'
  | 'follow_up_of'
  | 'routed'
  | 'claimed'
  | 'merged_into'
  | 'merged_from';

/** The ticket's history: every change, who made it, when, and the version it produced. */
@Entity('ticket_events')
export class TicketEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ name: 'ticket_version', type: 'int' }) ticketVersion: number;
  @Column({ type: 'varchar', length: 32 }) kind: TicketEventKind;
  @Column({ name: 'from_value', type: 'varchar', length: 255, nullable: true }) fromValue: string | null;
  @Column({ name: 'to_value', type: 'varchar', length: 255, nullable: true }) toValue: string | null;
  @Column({ name: 'actor_type', type: 'varchar', length: 20 }) actorType: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId: string | null;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt: Date;
  /** Order among the events of one change (same time and version). */
  @Column({ type: 'int' }) seq: number;
}
