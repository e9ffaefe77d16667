import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Stops retention from anonymising a customer while a dispute, a claim or a court case may need their data.
 * On a ticket it holds the ticket's customer as a whole: their data are one record.
 */
@Entity('legal_holds')
export class LegalHold {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The customer held; for a hold on a ticket, that ticket's customer. */
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true }) ticketId: string | null;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  /** A dispute, claim or court case number. */
  @Column({ type: 'varchar', length: 100, nullable: true }) reference: string | null;
  @Column({ name: 'placed_by_id', type: 'varchar', length: 36 }) placedById: string;
  @Column({ name: 'placed_at', type: 'datetime', precision: 3 }) placedAt: Date;
  @Column({ name: 'released_by_id', type: 'varchar', length: 36, nullable: true }) releasedById:
    string | null;
  @Column({ name: 'released_at', type: 'datetime', precision: 3, nullable: true }) releasedAt: Date | null;
  @Column({ name: 'release_reason', type: 'varchar', length: 500, nullable: true }) releaseReason:
    string | null;
}
