import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('attachments')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ name: 'message_id', type: 'varchar', length: 36 }) messageId: string;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName: string;
  @Column({ name: 'content_type', type: 'varchar', length: 127 }) contentType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  /** Content-ID of an inline image, referenced from the HTML as cid:… */
  @Column({ name: 'content_id', type: 'varchar', length: 255, nullable: true }) contentId: string | null;
  @Column({ name: 'is_inline', type: 'boolean' }) isInline: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
