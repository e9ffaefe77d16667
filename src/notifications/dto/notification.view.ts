import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Notification } from '../notification.entity.js';

export class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'sla_breach' }) kind: string;
  @ApiPropertyOptional({ nullable: true }) ticketId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'UTC' }) deliverAt: string;
  @ApiPropertyOptional({ nullable: true }) readAt: string | null;
}

export function toNotificationView(row: Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    ticketId: row.ticketId,
    title: row.title,
    body: row.body,
    deliverAt: row.deliverAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
