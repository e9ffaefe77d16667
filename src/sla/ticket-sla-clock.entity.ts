import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlaTarget } from './sla.rules.js';

/** One SLA target on one ticket. `cycle` counts restarts (next response restarts on each customer message). */
@Entity('ticket_sla_clocks')
export class TicketSlaClock {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ type: 'varchar', length: 20 }) target: SlaTarget;
  @Column({ name: 'policy_id', type: 'varchar', length: 36, nullable: true }) policyId: string | null;
  @Column({ type: 'int' }) cycle: number;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'paused_minutes', type: 'double' }) pausedMinutes: number;
  @Column({ name: 'paused_at', type: 'datetime', precision: 3, nullable: true }) pausedAt: Date | null;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  @Column({ name: 'met_at', type: 'datetime', precision: 3, nullable: true }) metAt: Date | null;
  @Column({ name: 'breached_at', type: 'datetime', precision: 3, nullable: true }) breachedAt: Date | null;
  /** When the escalation scan must look at this clock next; null when nothing is left to fire. */
  @Column({ name: 'next_check_at', type: 'datetime', precision: 3, nullable: true }) nextCheckAt: Date | null;
}

/** A ladder step that fired: unique per clock, cycle and step, so no step fires twice. */
@Entity('sla_escalation_firings')
export class EscalationFiring {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'clock_id', type: 'varchar', length: 36 }) clockId: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ type: 'varchar', length: 20 }) target: SlaTarget;
  @Column({ type: 'int' }) cycle: number;
  @Column({ type: 'int' }) step: number;
  @Column({ type: 'varchar', length: 30 }) action: string;
  @Column({ name: 'fired_at', type: 'datetime', precision: 3 }) firedAt: Date;
}
