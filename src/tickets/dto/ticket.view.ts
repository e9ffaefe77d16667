import { SlaClockView } from '../../sla/dto/sla-clock.view.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfo } from '../../common/http/cursor.js';
import type { Customer } from '../../customers/customer.entity.js';
import type { Attachment } from '../attachment.entity.js';
import type { Category } from '../category.entity.js';
import type { Message } from '../message.entity.js';
import type { TicketEvent } from '../ticket-event.entity.js';
import { displayNumber, PRIORITIES, Ticket } from '../ticket.entity.js';
import { TICKET_STATES } from '../ticket-state.rules.js';
import { splitQuotedText } from '../quoted-text.rules.js';

export class CategoryView {
  @ApiProperty({ example: 'payment' }) key: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
}

export class TicketCustomerView {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() isVulnerable: boolean;
  @ApiProperty({ enum: ['vi', 'en'] }) preferredLanguage: string;
}

export class TicketView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 100231 }) number: number;
  @ApiProperty({ example: 'OT#100231' }) displayNumber: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: TICKET_STATES }) state: string;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiPropertyOptional({ type: CategoryView, nullable: true }) category: CategoryView | null;
  @ApiPropertyOptional({ enum: ['agent', 'customer', 'auto'], nullable: true }) categorySource: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the classifier chose the category' })
  categoryExplanation: string | null;
  @ApiProperty({ enum: ['email', 'web', 'phone', 'api'] }) channel: string;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
  @ApiProperty() queueId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ type: TicketCustomerView }) customer: TicketCustomerView;
  @ApiPropertyOptional({ nullable: true, type: String }) bookingReference: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) mergedIntoId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The earlier ticket this one follows up',
  })
  followUpOfId: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) firstRespondedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the next SLA target falls due' })
  dueAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: [SlaClockView], description: "Each SLA target's due time, time left and state" })
  sla: SlaClockView[];
}

export class AttachmentView {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() isInline: boolean;
}

export class DeliveryView {
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed'] }) state: string;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sentAt: string | null;
}

export class MessageView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['inbound', 'outbound', 'note'] }) direction: string;
  @ApiProperty({ enum: ['public', 'internal'] }) visibility: string;
  @ApiProperty({ enum: ['customer', 'agent', 'system'] }) authorType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) authorAgentId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) authorCustomerId: string | null;
  @ApiProperty({ description: 'The whole text as received or written' }) bodyText: string;
  @ApiProperty({
    description: 'The new part of the text, for display; quoted history and signature split off',
  })
  visibleText: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Quoted history, collapsed for display' })
  quotedText: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) signature: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Sanitised' }) bodyHtml: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) messageId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) inReplyTo: string | null;
  @ApiProperty({ type: [AttachmentView] }) attachments: AttachmentView[];
  @ApiPropertyOptional({
    type: DeliveryView,
    nullable: true,
    description: 'For replies: how their mail fared',
  })
  delivery: DeliveryView | null;
  @ApiProperty() createdAt: string;
}

export class TicketDetailView extends TicketView {
  @ApiProperty({ type: [MessageView], description: 'The thread, oldest first' }) messages: MessageView[];
}

export class TicketPage extends PageInfo {
  @ApiProperty({ type: [TicketView] }) items: TicketView[];
}

export class TicketEventView {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'The ticket version this change produced' }) ticketVersion: number;
  @ApiPropertyOptional({ nullable: true, type: String }) fromValue: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) toValue: string | null;
  @ApiProperty({ enum: ['agent', 'system', 'customer'] }) actorType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() occurredAt: string;
}

export function toCategoryView(category: Category | undefined | null): CategoryView | null {
  return category ? { key: category.key, nameVi: category.nameVi, nameEn: category.nameEn } : null;
}

export function toTicketView(
  ticket: Ticket,
  customer: Customer,
  category: Category | null | undefined,
  sla: SlaClockView[] = [],
): TicketView {
  return {
    id: ticket.id,
    number: ticket.number,
    displayNumber: displayNumber(ticket.number),
    subject: ticket.subject,
    state: ticket.state,
    priority: ticket.priority,
    category: toCategoryView(category),
    categorySource: ticket.categorySource,
    categoryExplanation: ticket.categoryExplanation,
    channel: ticket.channel,
    language: ticket.language,
    queueId: ticket.queueId,
    assigneeId: ticket.assigneeId,
    customer: {
      id: customer.id,
      displayName: customer.displayName,
      isVulnerable: customer.isVulnerable,
      preferredLanguage: customer.preferredLanguage,
    },
    bookingReference: ticket.bookingReference,
    tags: JSON.parse(ticket.tags) as string[],
    mergedIntoId: ticket.mergedIntoId,
    followUpOfId: ticket.followUpOfId,
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    firstRespondedAt: ticket.firstRespondedAt?.toISOString() ?? null,
    dueAt: ticket.dueAt?.toISOString() ?? null,
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    sla,
  };
}

function displayParts(message: Message) {
  if (message.direction !== 'inbound')
    return { visibleText: message.bodyText, quotedText: null, signature: null };
  const { visible, quoted, signature } = splitQuotedText(message.bodyText);
  return { visibleText: visible, quotedText: quoted, signature };
}

export function toMessageView(
  message: Message,
  attachments: Attachment[],
  delivery: { state: string; attempts: number; lastError: string | null; sentAt: Date | null } | null = null,
): MessageView {
  return {
    id: message.id,
    direction: message.direction,
    visibility: message.visibility,
    authorType: message.authorType,
    authorAgentId: message.authorAgentId,
    authorCustomerId: message.authorCustomerId,
    bodyText: message.bodyText,
    ...displayParts(message),
    bodyHtml: message.bodyHtml,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      isInline: attachment.isInline,
    })),
    delivery: delivery
      ? {
          state: delivery.state,
          attempts: delivery.attempts,
          lastError: delivery.lastError,
          sentAt: delivery.sentAt?.toISOString() ?? null,
        }
      : null,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toTicketEventView(event: TicketEvent): TicketEventView {
  return {
    id: event.id,
    kind: event.kind,
    ticketVersion: event.ticketVersion,
    fromValue: event.fromValue,
    toValue: event.toValue,
    actorType: event.actorType,
    actorId: event.actorId,
    occurredAt: event.occurredAt.toISOString(),
  };
}
