import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { Clock } from '../common/clock.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { DataRequestFulfilmentService } from './data-request-fulfilment.service.js';
import { DataRequestsService } from './data-requests.service.js';
import {
  CloseDataRequestDto,
  CorrectCustomerDataDto,
  DataRequestListQuery,
  DataRequestVersionDto,
  DataRequestView,
  ExtendDataRequestDto,
  FileDataRequestDto,
  LiftedRestrictionView,
  LiftProcessingRestrictionDto,
  toDataRequestView,
  WithdrawConsentDto,
} from './dto/data-request.dto.js';

type AgentActor = Actor & { type: 'agent' };

@ApiTags('data-requests')
@Controller('api/v1')
export class DataRequestsController {
  constructor(
    private readonly requests: DataRequestsService,
    private readonly fulfilment: DataRequestFulfilmentService,
    private readonly clock: Clock,
  ) {}

  @Post('tickets/:ticketId/data-requests')
  @Roles('agent')
  @ApiOperation({
    summary: 'File a data-subject request made on this ticket; the customer is sent an identity-check link',
  })
  @ApiSecured(404)
  async file(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() dto: FileDataRequestDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.requests.file(ticketId, dto, actor));
  }

  @Get('data-requests')
  @Roles('agent')
  @ApiOperation({ summary: 'Open requests soonest deadline first, or closed ones latest first' })
  @ApiSecured()
  async list(@Query() query: DataRequestListQuery): Promise<DataRequestView[]> {
    return (await this.requests.list(query)).map((row) => this.view(row));
  }

  @Get('data-requests/:id')
  @Roles('agent')
  @ApiOperation({ summary: 'One request with its deadlines' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<DataRequestView> {
    return this.view(await this.requests.get(id, actor));
  }

  @Post('data-requests/:id/extend')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Extend the deadline once, by the same period, with the reason the customer is told',
  })
  @ApiSecured(404, 409)
  async extend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExtendDataRequestDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.requests.extend(id, dto, actor));
  }

  @Post('data-requests/:id/complete')
  @Roles('agent')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Close a verified view, copy, restrict or object request with what was done; restrict and object ' +
      'restrict processing of the customer’s data, object also withdraws newsletter and marketing consent',
  })
  @ApiSecured(404, 409)
  async complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseDataRequestDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.requests.complete(id, dto, actor));
  }

  @Post('data-requests/:id/correct')
  @Roles('agent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct the customer record for a verified "correct" request and tell the customer',
  })
  @ApiSecured(404, 409)
  async correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CorrectCustomerDataDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.fulfilment.correct(id, dto, actor));
  }

  @Post('data-requests/:id/withdraw-consent')
  @Roles('agent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw the named consents for a verified "withdraw consent" request and tell the customer',
  })
  @ApiSecured(404, 409)
  async withdrawConsent(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawConsentDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.fulfilment.withdrawConsent(id, dto, actor));
  }

  @Post('data-requests/:id/erase')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erase (anonymise) the customer for a verified "delete" request; a legal hold or open matter refuses it, with the reasons told',
  })
  @ApiSecured(404, 409)
  async erase(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DataRequestVersionDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.fulfilment.erase(id, dto, actor));
  }

  @Post('data-requests/:id/refuse')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a request, with the reason the customer is told' })
  @ApiSecured(404, 409)
  async refuse(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseDataRequestDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<DataRequestView> {
    return this.view(await this.requests.refuse(id, dto, actor));
  }

  @Post('customers/:customerId/processing-restriction/lift')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Lift the processing restriction a restrict or object request set, with a reason (audited, told to the customer)',
  })
  @ApiSecured(404, 409)
  liftRestriction(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Body() dto: LiftProcessingRestrictionDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<LiftedRestrictionView> {
    return this.fulfilment.liftRestriction(customerId, dto, actor);
  }

  private view(row: Parameters<typeof toDataRequestView>[0]): DataRequestView {
    return toDataRequestView(row, this.clock.now());
  }
}
