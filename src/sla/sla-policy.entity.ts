import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EscalationStep, PolicyConditions, SlaPolicySpec, SlaTarget, TargetSpec } from './sla.rules.js';

/** Which tickets a policy covers, its targets, the states that pause its clocks, and its escalation ladder. */
@Entity('sla_policies')
export class SlaPolicy {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'calendar_id', type: 'varchar', length: 36 }) calendarId: string;
  /** JSON: PolicyConditions. */
  @Column({ type: 'text' }) conditions: string;
  /** JSON: target → TargetSpec. */
  @Column({ type: 'text' }) targets: string;
  /** JSON: ticket states. */
  @Column({ name: 'pause_states', type: 'text' }) pauseStates: string;
  /** JSON: EscalationStep[]. */
  @Column({ name: 'escalation_ladder', type: 'text' }) escalationLadder: string;
  /** Notifications go out at once, even outside business hours (fraud). */
  @Column({ name: 'urgent_notifications', type: 'boolean' }) urgentNotifications: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

export interface ActivePolicy extends SlaPolicySpec {
  name: string;
  calendarId: string;
  urgentNotifications: boolean;
}

export function toPolicySpec(row: SlaPolicy): ActivePolicy {
  return {
    id: row.id,
    name: row.name,
    calendarId: row.calendarId,
    urgentNotifications: row.urgentNotifications,
    conditions: JSON.parse(row.conditions) as PolicyConditions,
    targets: JSON.parse(row.targets) as Partial<Record<SlaTarget, TargetSpec>>,
    pauseStates: JSON.parse(row.pauseStates) as string[],
    ladder: JSON.parse(row.escalationLadder) as EscalationStep[],
  };
}
