import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketState } from './ticket-state.rules.js';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How the queue page orders priorities: urgent 0 … low 3, ascending like every other index column. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.length - 1 - PRIORITIES.indexOf(priority);
}
export const CHANNELS = ['email', 'web', 'phone', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Shown to customers and carried in every outgoing subject, e.g. OT#100231. */
export function displayNumber(number: number): string {
  return `OT#${number}`;
}

@Entity('tickets')
export class Ticket {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'varchar', length: 255 }) subject: string;
  /** Number, subject and booking reference folded by foldForSearch. */
  @Column({ name: 'search_text', type: 'varchar', length: 600 }) searchText: string;
  @Column({ type: 'varchar', length: 20 }) state: TicketState;
  @Column({ type: 'varchar', length: 10 }) priority: Priority;
  /** priorityRank(priority), kept beside it so the queue indexes sort by urgency. */
  @Column({ name: 'priority_rank', type: 'int' }) priorityRank: number;
  @Column({ name: 'category_id', type: 'varchar', length: 36, nullable: true }) categoryId: string | null;
  /** Who chose the category: an agent, the customer (a topic on the web form), or the classifier. */
  @Column({ name: 'category_source', type: 'varchar', length: 10, nullable: true }) categorySource:
    'agent' | 'customer' | 'auto' | null;
  /** The words that made the classifier choose the category. */
  @Column({ name: 'category_explanation', type: 'varchar', length: 255, nullable: true })
  categoryExplanation: string | null;
  @Column({ type: 'varchar', length: 10 }) channel: Channel;
  @Column({ type: 'varchar', length: 5 }) language: Language;
  @Column({ name: 'queue_id', type: 'varchar', length: 36 }) queueId: string;
  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true }) assigneeId: string | null;
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  @Column({ name: 'booking_reference', type: 'varchar', length: 40, nullable: true }) bookingReference:
    string | null;
  /** JSON array of lower-case tags. */
  @Column({ type: 'text' }) tags: string;
  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true }) mergedIntoId:
    string | null;
  /** The earlier ticket this one follows up (a late reply to a closed ticket, a stranger quoting its number). */
  @Column({ name: 'follow_up_of_id', type: 'varchar', length: 36, nullable: true }) followUpOfId:
    string | null;
  /** Optimistic lock: every change to the ticket or its thread adds one. */
  @Column({ type: 'int' }) version: number;
  /** The thread number of the ticket's latest message; see `Message.threadSeq`. */
  @Column({ name: 'last_message_seq', type: 'int', default: 0 }) lastMessageSeq: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ name: 'first_responded_at', type: 'datetime', precision: 3, nullable: true })
  firstRespondedAt: Date | null;
  @Column({ name: 'last_customer_message_at', type: 'datetime', precision: 3, nullable: true })
  lastCustomerMessageAt: Date | null;
  @Column({ name: 'last_agent_message_at', type: 'datetime', precision: 3, nullable: true })
  lastAgentMessageAt: Date | null;
  /** When the next SLA target falls due; set by SLA policies. */
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
}

@Entity('ticket_numbers')
export class TicketNumber {
  @PrimaryGeneratedColumn('increment') id: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** The first ticket is OT#100001: six digits from the start, so numbers never look like amounts or dates. */
export const FIRST_TICKET_NUMBER = 100_000;
