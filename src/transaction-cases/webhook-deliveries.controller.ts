import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  toWebhookDeliveryView,
  WebhookDeliveriesQuery,
  WebhookDeliveryView,
} from './dto/transaction-case.dto.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import type { WebhookDeliveryState } from './webhook-delivery.entity.js';

@ApiTags('transaction-cases')
@Controller('api/v1/webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Calls to the booking/payment system, newest first (up to 200); ?state=failed' })
  @ApiSecured()
  async list(@Query() query: WebhookDeliveriesQuery): Promise<WebhookDeliveryView[]> {
    return (await this.deliveries.list(query.state as WebhookDeliveryState | undefined)).map(
      toWebhookDeliveryView,
    );
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed or not configured call again, from the first attempt' })
  @ApiSecured(404, 409)
  async retry(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveryView> {
    return toWebhookDeliveryView(await this.deliveries.retry(id, actor));
  }
}
