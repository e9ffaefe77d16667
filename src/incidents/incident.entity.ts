import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentKind, IncidentState, Obligation, ReminderStage } from './incident.rules.js';

/**
 * A breach of personal data or an attack on the information system, with what the notification to the
 * authority (A05, Ministry of Public Security) must say (Decree 13/2023 art. 23).
 */
@Entity('incidents')
export class Incident {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 30 }) kind: IncidentKind;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ name: 'discovered_at', type: 'datetime', precision: 3 }) discoveredAt: Date;
  @Column({ name: 'reported_by_id', type: 'varchar', length: 36 }) reportedById: string;
  @Column({ type: 'varchar', length: 20 }) state: IncidentState;
  /** What happened, when and where; who did it, if known. */
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'data_categories', type: 'text', nullable: true }) dataCategories: string | null;
  @Column({ name: 'subjects_affected', type: 'int', nullable: true }) subjectsAffected: number | null;
  @Column({ name: 'records_affected', type: 'int', nullable: true }) recordsAffected: number | null;
  /** Who answers for data protection, with how to reach them. */
  @Column({ name: 'contact_person', type: 'varchar', length: 300, nullable: true }) contactPerson:
    string | null;
  @Column({ type: 'text', nullable: true }) consequences: string | null;
  @Column({ name: 'measures_taken', type: 'text', nullable: true }) measuresTaken: string | null;
  @Column({ name: 'measures_proposed', type: 'text', nullable: true }) measuresProposed: string | null;
  @Column({ name: 'delay_reason', type: 'text', nullable: true }) delayReason: string | null;
  @Column({ name: 'notified_at', type: 'datetime', precision: 3, nullable: true }) notifiedAt: Date | null;
  @Column({ name: 'notified_to', type: 'varchar', length: 200, nullable: true }) notifiedTo: string | null;
  @Column({ name: 'notification_reference', type: 'varchar', length: 100, nullable: true })
  notificationReference: string | null;
  @Column({ name: 'notified_by_id', type: 'varchar', length: 36, nullable: true }) notifiedById:
    string | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by_id', type: 'varchar', length: 36, nullable: true }) closedById: string | null;
  @Column({ name: 'closing_reason', type: 'varchar', length: 500, nullable: true }) closingReason:
    string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** A deadline reminder sent to supervisors and admins; unique per incident, deadline and stage, so sent once. */
@Entity('incident_reminders')
export class IncidentReminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'incident_id', type: 'varchar', length: 36 }) incidentId: string;
  @Column({ type: 'varchar', length: 30 }) obligation: Obligation;
  @Column({ type: 'varchar', length: 20 }) stage: ReminderStage;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3 }) sentAt: Date;
}
