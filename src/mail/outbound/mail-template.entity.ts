import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The text of one kind of automatic mail in one language; admins edit it. */
@Entity('mail_templates')
export class MailTemplate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 50 }) key: string;
  @Column({ type: 'varchar', length: 5 }) language: string;
  @Column({ type: 'varchar', length: 255 }) subject: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
