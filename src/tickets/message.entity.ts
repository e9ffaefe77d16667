import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MessageDirection = 'inbound' | 'outbound' | 'note';
export type MessageVisibility = 'public' | 'internal';
export type MessageAuthorType = 'customer' | 'agent' | 'system';

/** One entry in a ticket's thread: a customer's message, an agent's reply or an internal note. */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ type: 'varchar', length: 10 }) direction: MessageDirection;
  @Column({ type: 'varchar', length: 10 }) visibility: MessageVisibility;
  @Column({ name: 'author_type', type: 'varchar', length: 10 }) authorType: MessageAuthorType;
  @Column({ name: 'author_agent_id', type: 'varchar', length: 36, nullable: true }) authorAgentId:
    string | null;
  @Column({ name: 'author_customer_id', type: 'varchar', length: 36, nullable: true })
  authorCustomerId: string | null;
  @Column({ name: 'from_address', type: 'varchar', length: 254, nullable: true }) fromAddress: string | null;
  @Column({ name: 'to_addresses', type: 'text', nullable: true }) toAddresses: string | null;
  @Column({ name: 'cc_addresses', type: 'text', nullable: true }) ccAddresses: string | null;
  @Column({ name: 'body_text', type: 'text' }) bodyText: string;
  /** Always sanitised before it is stored. */
  @Column({ name: 'body_html', type: 'text', nullable: true }) bodyHtml: string | null;
  /** The stored raw mail this message came from (mail intake). */
  @Column({ name: 'raw_mail_id', type: 'varchar', length: 36, nullable: true }) rawMailId: string | null;
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true }) messageId: string | null;
  @Column({ name: 'in_reply_to', type: 'varchar', length: 255, nullable: true }) inReplyTo: string | null;
  @Column({ name: 'references_header', type: 'text', nullable: true }) referencesHeader: string | null;
  /** The message's place in its ticket's thread: 1, 2, 3… in the order messages were added. */
  @Column({ name: 'thread_seq', type: 'int' }) threadSeq: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
