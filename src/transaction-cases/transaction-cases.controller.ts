import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  MoveTransactionCaseDto,
  OpenTransactionCaseDto,
  toTransactionCaseView,
  TransactionCaseView,
} from './dto/transaction-case.dto.js';
import { type CaseWithDeliveries, TransactionCasesService } from './transaction-cases.service.js';

type AgentActor = Actor & { type: 'agent' };

const view = ({ row, deliveries }: CaseWithDeliveries) => toTransactionCaseView(row, deliveries);

@ApiTags('transaction-cases')
@Controller('api/v1')
export class TransactionCasesController {
  constructor(private readonly cases: TransactionCasesService) {}

  @Get('tickets/:ticketId/transaction-cases')
  @Roles('agent')
  @ApiOperation({ summary: "A ticket's transaction cases, oldest first, with their webhook deliveries" })
  @ApiSecured(404)
  async listForTicket(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TransactionCaseView[]> {
    return (await this.cases.listForTicket(ticketId, actor)).map(view);
  }

  @Post('tickets/:ticketId/transaction-cases')
  @Roles('agent')
  @ApiOperation({
    summary:
      'Report a transaction on a ticket; a fraud report or tampering makes it urgent and alerts supervisors',
  })
  @ApiSecured(404)
  async open(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() dto: OpenTransactionCaseDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<TransactionCaseView> {
    return view(await this.cases.open(ticketId, dto, actor));
  }

  @Get('transaction-cases/:id')
  @Roles('agent')
  @ApiOperation({ summary: 'One transaction case, with each webhook delivery, its attempts and last error' })
  @ApiSecured(404)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<TransactionCaseView> {
    return view(await this.cases.get(id, actor));
  }

  @Post('transaction-cases/:id/suspend')
  @Roles('agent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend the transaction for verification: tells the booking system (webhook) and the customer',
  })
  @ApiSecured(404, 409)
  async suspend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveTransactionCaseDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<TransactionCaseView> {
    return view(await this.cases.move(id, 'suspend', dto, actor));
  }

  @Post('transaction-cases/:id/verify-legitimate')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verified legitimate: the booking system may release the transaction' })
  @ApiSecured(404, 409)
  async verifyLegitimate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveTransactionCaseDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<TransactionCaseView> {
    return view(await this.cases.move(id, 'verify_legitimate', dto, actor));
  }

  @Post('transaction-cases/:id/confirm-fraud')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirmed fraud: the booking system must stop the transaction for good' })
  @ApiSecured(404, 409)
  async confirmFraud(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveTransactionCaseDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<TransactionCaseView> {
    return view(await this.cases.move(id, 'confirm_fraud', dto, actor));
  }
}
