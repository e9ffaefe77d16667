import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './role.js';

export const AVAILABILITIES = ['available', 'away'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** A member of the care team who signs in to the console or the API. */
@Entity('agents')
export class Agent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true }) passwordHash:
    string | null;
  @Column({ name: 'password_must_change', type: 'boolean' }) passwordMustChange: boolean;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'failed_login_count', type: 'int' }) failedLoginCount: number;
  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true }) lastLoginAt: Date | null;
  @Column({ type: 'varchar', length: 5 }) language: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone: string;
  /** Open tickets this agent can carry; least-loaded assignment stops giving them more. */
  @Column({ type: 'int' }) capacity: number;
  /** Away agents get no automatic assignments. */
  @Column({ type: 'varchar', length: 10 }) availability: Availability;
  /** Sees card, citizen ID and passport numbers in messages unmasked (admins always do). */
  @Column({ name: 'can_view_sensitive', type: 'boolean' }) canViewSensitive = false;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
