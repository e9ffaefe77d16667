import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) holder: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) token: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
}
