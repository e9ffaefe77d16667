import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agent } from '../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationView } from './dto/notification.view.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ summary: "The signed-in agent's notifications that are due, newest first" })
  @ApiSecured()
  list(@Query() query: ListNotificationsQuery, @CurrentAgent() agent: Agent): Promise<NotificationView[]> {
    return this.notifications.list(agent.id, query.unread ?? false);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiSecured(404)
  markRead(@Param('id', ParseUUIDPipe) id: string, @CurrentAgent() agent: Agent): Promise<NotificationView> {
    return this.notifications.markRead(agent.id, id);
  }
}
