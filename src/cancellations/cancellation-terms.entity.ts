import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of the penalty terms of a product type. Saving terms adds a version and never changes an old
 * one, so a quote can always show the terms it was made from.
 */
@Entity('cancellation_terms')
export class CancellationTerms {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'product_type', type: 'varchar', length: 40 }) productType: string;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'name_vi', type: 'varchar', length: 100 }) nameVi: string;
  @Column({ name: 'name_en', type: 'varchar', length: 100 }) nameEn: string;
  /** JSON array of PenaltyBand, furthest from departure first. */
  @Column({ type: 'text' }) bands: string;
  @Column({ name: 'no_show_percent_kept', type: 'int' }) noShowPercentKept: number;
  @Column({ name: 'created_by_id', type: 'varchar', length: 36, nullable: true }) createdById: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
