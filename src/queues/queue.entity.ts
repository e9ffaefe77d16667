import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** Where tickets wait to be worked; agents work the queues they are members of. */
@Entity('queues')
export class Queue {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) description: string | null;
  /** Takes the tickets nothing else places; exactly one queue is the default. */
  @Column({ name: 'is_default', type: 'boolean' }) isDefault: boolean;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  /** How new tickets find an agent: left for agents to claim, in turn, or to the least loaded member. */
  @Column({ name: 'assignment_mode', type: 'varchar', length: 20 }) assignmentMode: AssignmentMode;
  /** Where round-robin continues. */
  @Column({ name: 'last_assigned_agent_id', type: 'varchar', length: 36, nullable: true })
  lastAssignedAgentId: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('queue_members')
export class QueueMember {
  @PrimaryColumn({ name: 'queue_id', type: 'varchar', length: 36 }) queueId: string;
  @PrimaryColumn({ name: 'agent_id', type: 'varchar', length: 36 }) agentId: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * A change in how many tickets sit in a queue in a state. The sidebar sums these; QueueCountsService folds
 * them into one row per key now and then, so the sum stays small whatever the number of tickets.
 */
@Entity('queue_ticket_counts')
export class QueueTicketCount {
  @PrimaryGeneratedColumn('increment') id: number;
  @Column({ name: 'queue_id', type: 'varchar', length: 36 }) queueId: string;
  @Column({ type: 'varchar', length: 20 }) state: string;
  @Column({ name: 'is_assigned', type: 'boolean' }) isAssigned: boolean;
  @Column({ type: 'int' }) delta: number;
}
