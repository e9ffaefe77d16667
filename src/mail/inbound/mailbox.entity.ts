import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An IMAP mailbox the desk reads: an official address customers write to, with the queue its mail lands in. */
@Entity('mailboxes')
export class Mailbox {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  /** The official address this mailbox receives; also the desk's own address for loop protection. */
  @Column({ type: 'varchar', length: 254 }) address: string;
  /** 'env' for the mailbox IMAP_URL describes (kept in step with it at start-up), 'admin' for one made in the API. */
  @Column({ type: 'varchar', length: 10 }) source: 'env' | 'admin';
  @Column({ name: 'imap_host', type: 'varchar', length: 255 }) imapHost: string;
  @Column({ name: 'imap_port', type: 'int' }) imapPort: number;
  /** implicit TLS, STARTTLS, or none (allowed for loopback hosts only). */
  @Column({ name: 'imap_security', type: 'varchar', length: 10 }) imapSecurity:
    'implicit' | 'starttls' | 'none';
  @Column({ name: 'imap_username', type: 'varchar', length: 254 }) imapUsername: string;
  /** Sealed with APP_SECRET (SecretBox); never returned by the API. */
  @Column({ name: 'imap_password_encrypted', type: 'text' }) imapPasswordEncrypted: string;
  @Column({ name: 'imap_folder', type: 'varchar', length: 255 }) imapFolder: string;
  @Column({ name: 'default_queue_id', type: 'varchar', length: 36 }) defaultQueueId: string;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  /** UIDVALIDITY of the folder when last_uid was recorded; a change means the UIDs were renumbered. */
  @Column({ name: 'uid_validity', type: 'varchar', length: 20, nullable: true }) uidValidity: string | null;
  /** The highest UID stored so far: the next fetch asks for UIDs above it. */
  @Column({ name: 'last_uid', type: 'int' }) lastUid: number;
  @Column({ name: 'last_fetch_at', type: 'datetime', precision: 3, nullable: true }) lastFetchAt: Date | null;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
