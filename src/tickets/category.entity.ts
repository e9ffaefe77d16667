import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stable key used by rules and reports, e.g. fraud_or_tampering. */
  @Column({ type: 'varchar', length: 40 }) key: string;
  @Column({ name: 'name_vi', type: 'varchar', length: 100 }) nameVi: string;
  @Column({ name: 'name_en', type: 'varchar', length: 100 }) nameEn: string;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder: number;
  /** JSON array of the words and phrases that suggest this category; admins edit them. */
  @Column({ type: 'text', nullable: true }) keywords: string | null;
}
