import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { CompensationReportService } from './compensation-report.service.js';
import { CompensationsService } from './compensations.service.js';
import {
  CompensationReportQuery,
  CompensationReportView,
  CompensationVersionDto,
  CompensationView,
  DecideCompensationDto,
  PayCompensationDto,
  ProposeCompensationDto,
  toCompensationView,
} from './dto/compensation.dto.js';

type AgentActor = Actor & { type: 'agent' };

@ApiTags('compensation')
@Controller('api/v1')
export class CompensationsController {
  constructor(
    private readonly compensations: CompensationsService,
    private readonly reports: CompensationReportService,
  ) {}

  @Get('tickets/:ticketId/compensations')
  @Roles('agent')
  @ApiOperation({ summary: "A ticket's compensation proposals, oldest first" })
  @ApiSecured(404)
  async listForTicket(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @CurrentActor() actor: Actor,
  ): Promise<CompensationView[]> {
    return (await this.compensations.listForTicket(ticketId, actor)).map(toCompensationView);
  }

  @Post('tickets/:ticketId/compensations')
  @Roles('agent')
  @ApiOperation({ summary: 'Propose compensation for a payment incident on a ticket' })
  @ApiSecured(404)
  async propose(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() dto: ProposeCompensationDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<CompensationView> {
    return toCompensationView(await this.compensations.propose(ticketId, dto, actor));
  }

  @Get('compensations/awaiting-decision')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Proposals waiting for a decision, oldest first (up to 200)' })
  @ApiSecured()
  async awaitingDecision(): Promise<CompensationView[]> {
    return (await this.compensations.awaitingDecision()).map(toCompensationView);
  }

  @Get('compensations/report')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Compensation paid from one day to another, by reason and by month' })
  @ApiSecured()
  report(@Query() query: CompensationReportQuery): Promise<CompensationReportView> {
    return this.reports.report(query);
  }

  @Get('compensations/:id')
  @Roles('agent')
  @ApiOperation({ summary: 'One compensation' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<CompensationView> {
    return toCompensationView(await this.compensations.get(id, actor));
  }

  @Post('compensations/:id/approve')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve: supervisors up to COMPENSATION_SUPERVISOR_LIMIT_VND, admins any amount, never the proposer',
  })
  @ApiSecured(404, 409)
  async approve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideCompensationDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<CompensationView> {
    return toCompensationView(await this.compensations.decide(id, 'approve', dto, actor));
  }

  @Post('compensations/:id/reject')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject, with the reason the customer is told; never by the proposer' })
  @ApiSecured(404, 409)
  async reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideCompensationDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<CompensationView> {
    return toCompensationView(await this.compensations.decide(id, 'reject', dto, actor));
  }

  @Post('compensations/:id/paid')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that an approved compensation was paid, with the payment reference' })
  @ApiSecured(404, 409)
  async markPaid(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PayCompensationDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<CompensationView> {
    return toCompensationView(await this.compensations.markPaid(id, dto, actor));
  }

  @Post('compensations/:id/withdraw')
  @Roles('agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your own proposal before it is decided' })
  @ApiSecured(404, 409)
  async withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompensationVersionDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<CompensationView> {
    return toCompensationView(await this.compensations.withdraw(id, dto, actor));
  }
}
