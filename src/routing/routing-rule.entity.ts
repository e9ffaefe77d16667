import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MatchMode } from './routing-rules.rules.js';

/** One step of routing: when its conditions hold for a new ticket, its actions apply. Rules run by position. */
@Entity('routing_rules')
export class RoutingRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'match_mode', type: 'varchar', length: 3 }) matchMode: MatchMode;
  /** JSON array of RuleCondition. */
  @Column({ type: 'text' }) conditions: string;
  /** JSON array of RuleAction. */
  @Column({ type: 'text' }) actions: string;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
