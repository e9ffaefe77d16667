import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { CancellationsService } from './cancellations.service.js';
import {
  CancellationView,
  CreateCancellationDto,
  DecideCancellationDto,
  toCancellationView,
} from './dto/cancellation.dto.js';

@ApiTags('cancellations')
@Controller('api/v1')
export class CancellationsController {
  constructor(private readonly cancellations: CancellationsService) {}

  @Post('tickets/:id/cancellations')
  @Roles('agent')
  @ApiOperation({
    summary: "Record a customer's cancellation request and quote the penalty from the current terms",
  })
  @ApiSecured(404, 422)
  async create(
    @Param('id', ParseUUIDPipe) ticketId: string,
    @Body() dto: CreateCancellationDto,
    @CurrentActor() actor: Actor,
  ): Promise<CancellationView> {
    return toCancellationView(await this.cancellations.create(ticketId, dto, actor));
  }

  @Get('tickets/:id/cancellations')
  @Roles('agent')
  @ApiOperation({ summary: "The ticket's cancellation requests, oldest first" })
  @ApiSecured(404)
  async list(
    @Param('id', ParseUUIDPipe) ticketId: string,
    @CurrentActor() actor: Actor,
  ): Promise<CancellationView[]> {
    return (await this.cancellations.listForTicket(ticketId, actor)).map(toCancellationView);
  }

  @Get('cancellations/:id')
  @Roles('agent')
  @ApiOperation({ summary: 'One cancellation request with its quote and decision' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<CancellationView> {
    return toCancellationView(await this.cancellations.get(id, actor));
  }

  @Post('cancellations/:id/decision')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({
    summary:
      'Decide: accept as quoted, reduce or waive (supervisor), or refuse; the letter goes to the customer',
  })
  @ApiSecured(404, 409, 422)
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideCancellationDto,
    @CurrentActor() actor: Actor & { type: 'agent' },
  ): Promise<CancellationView> {
    return toCancellationView(await this.cancellations.decide(id, dto, actor));
  }
}
