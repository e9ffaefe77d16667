import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import type { TransactionCaseMove } from '../../transaction-cases/transaction-case.rules.js';
import type { PostedForm } from '../admin-rules/admin-form.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import type { Refusal } from './page-refusal.js';
import { TransactionCasePagesService } from './transaction-case-pages.service.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * The ticket page's transaction case forms. Any agent reports and suspends; only supervisors and admins
 * decide, as on the API (the service leaves roles to the route).
 */
@ApiExcludeController()
@Controller('console')
export class TransactionCasePagesController {
  constructor(
    private readonly pages: TransactionCasePagesService,
    private readonly respond: PageResponder,
  ) {}

  @Post('tickets/:ticketId/transaction-cases')
  @Roles('agent')
  async open(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    backToTicket(res, ticketId, await this.pages.open(ticketId, form, actor));
  }

  @Post('transaction-cases/:id/suspend')
  @Roles('agent')
  suspend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.move(id, 'suspend', form, req, res, actor, agent);
  }

  @Post('transaction-cases/:id/verify-legitimate')
  @Roles('supervisor')
  verifyLegitimate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.move(id, 'verify_legitimate', form, req, res, actor, agent);
  }

  @Post('transaction-cases/:id/confirm-fraud')
  @Roles('supervisor')
  confirmFraud(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.move(id, 'confirm_fraud', form, req, res, actor, agent);
  }

  private async move(
    id: string,
    move: TransactionCaseMove,
    form: PostedForm,
    req: Request,
    res: Response,
    actor: AgentActor,
    agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const ticketId = await this.pages.ticketOf(id, actor);
    backToTicket(res, ticketId, await this.pages.move(id, move, form, actor));
  }
}

/** Back to the ticket's transaction case section, with the service's refusal shown there when it said no. */
function backToTicket(res: Response, ticketId: string, refusal: Refusal | null) {
  const query = refusal ? `?caseRefused=${encodeURIComponent(refusal.reason)}` : '';
  res.redirect(303, `/console/tickets/${ticketId}${query}#transaction-cases`);
}
