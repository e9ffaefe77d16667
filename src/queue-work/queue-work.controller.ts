import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { ClaimedTicketView, QueuePageQuery, QueueTicketPage } from './dto/queue-work.dto.js';
import { QueueWorkService } from './queue-work.service.js';

@ApiTags('queues')
@Controller('api/v1/queues/:id')
export class QueueWorkController {
  constructor(private readonly work: QueueWorkService) {}

  @Get('tickets')
  @ApiOperation({ summary: "A queue's tickets, most urgent first, with filters and cursor pagination" })
  @ApiSecured(404, 422)
  page(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueuePageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<QueueTicketPage> {
    return this.work.page(id, query, actor);
  }

  @Post('next')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim the most urgent unassigned ticket; never the same one for two agents' })
  @ApiSecured(404)
  claimNext(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor & { type: 'agent' },
  ): Promise<ClaimedTicketView> {
    return this.work.claimNext(id, actor);
  }
}
