import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app message for one agent, shown from `deliverAt` (held back outside business hours unless urgent). */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'agent_id', type: 'varchar', length: 36 }) agentId: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true }) ticketId: string | null;
  @Column({ type: 'varchar', length: 30 }) kind: string;
  @Column({ type: 'varchar', length: 255 }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'deliver_at', type: 'datetime', precision: 3 }) deliverAt: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true }) readAt: Date | null;
}
