import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A customer record, not an account: customers never sign in, and staff make every correction. */
@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName: string;
  /** Name, e-mails and phones folded by foldForSearch, for Vietnamese-aware search on any engine. */
  @Column({ name: 'search_text', type: 'varchar', length: 1000 }) searchText: string;
  @Column({ name: 'preferred_language', type: 'varchar', length: 5 }) preferredLanguage: 'vi' | 'en';
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone: string;
  /** ISO 3166-1 alpha-2; VN for customers in Vietnam, anything else is overseas. */
  @Column({ type: 'varchar', length: 2, nullable: true }) country: string | null;
  @Column({ name: 'is_vulnerable', type: 'boolean' }) isVulnerable: boolean;
  @Column({ name: 'anonymised_at', type: 'datetime', precision: 3, nullable: true })
  anonymisedAt: Date | null;
  /**
   * Set while the customer's restrict or object request stands (Law 91/2025): no newsletter or marketing mail
   * reaches them until staff lift it.
   */
  @Column({ name: 'processing_restricted_at', type: 'datetime', precision: 3, nullable: true })
  processingRestrictedAt: Date | null;
  /** The completed data-subject request that set the restriction. */
  @Column({ name: 'processing_restriction_request_id', type: 'varchar', length: 36, nullable: true })
  processingRestrictionRequestId: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('customer_emails')
export class CustomerEmail {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  /** Lower-cased; unique, so an arriving e-mail maps to exactly one customer. */
  @Column({ type: 'varchar', length: 254 }) address: string;
  @Column({ name: 'is_primary', type: 'boolean' }) isPrimary: boolean;
  /** When mail to this address last bounced permanently. */
  @Column({ name: 'bounced_at', type: 'datetime', precision: 3, nullable: true }) bouncedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('customer_phones')
export class CustomerPhone {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  /** E.164, e.g. +84901234567. Not unique: families share a phone. */
  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ name: 'is_primary', type: 'boolean' }) isPrimary: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
