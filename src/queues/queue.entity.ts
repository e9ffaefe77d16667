import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Where tickets wait to be worked; agents work the queues they are members of. */
@Entity('queues')
export class Queue {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) description: string | null;
  /** Takes the tickets nothing else places; exactly one queue is the default. */
  @Column({ name: 'is_default', type: 'boolean' }) isDefault: boolean;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('queue_members')
export class QueueMember {
  @PrimaryColumn({ name: 'queue_id', type: 'varchar', length: 36 }) queueId: string;
  @PrimaryColumn({ name: 'agent_id', type: 'varchar', length: 36 }) agentId: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
