import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reply text agents insert and adapt; {{customerName}}, {{ticketNumber}} and {{agentName}} are filled in. */
@Entity('canned_responses')
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ type: 'varchar', length: 5 }) language: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
