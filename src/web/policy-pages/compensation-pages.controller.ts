import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { formatVnd } from '../../compensation/compensation.rules.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { CompensationPagesService } from './compensation-pages.service.js';
import type { Refusal } from './page-refusal.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * Compensation in the console: proposing on the ticket page, and for supervisors and admins the proposals
 * awaiting a decision across tickets and what was paid by period and reason. Limits and four eyes are the
 * service's; a refusal is shown where the decision was asked for.
 */
@ApiExcludeController()
@Controller('console')
export class CompensationPagesController {
  constructor(
    private readonly pages: CompensationPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get('compensation')
  @Roles('supervisor')
  async list(
    @Query() query: { from?: unknown; to?: unknown },
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    await this.showList(req, res, agent, query, 200, null);
  }

  @Post('tickets/:ticketId/compensations')
  @Roles('agent')
  async propose(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    backToTicket(res, ticketId, await this.pages.propose(ticketId, form, actor));
  }

  @Post('compensations/:id/approve')
  @Roles('supervisor')
  approve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.act(id, form, req, res, actor, agent, () => this.pages.decide(id, 'approve', form, actor));
  }

  @Post('compensations/:id/reject')
  @Roles('supervisor')
  reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.act(id, form, req, res, actor, agent, () => this.pages.decide(id, 'reject', form, actor));
  }

  @Post('compensations/:id/paid')
  @Roles('supervisor')
  markPaid(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.act(id, form, req, res, actor, agent, () => this.pages.markPaid(id, form, actor));
  }

  @Post('compensations/:id/withdraw')
  @Roles('agent')
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    return this.act(id, form, req, res, actor, agent, () => this.pages.withdraw(id, form, actor));
  }

  /** Runs the action, then goes back where it was asked: the approval list, or the ticket. */
  private async act(
    id: string,
    form: PostedForm,
    req: Request,
    res: Response,
    actor: AgentActor,
    agent: Agent,
    action: () => Promise<Refusal | null>,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const ticketId = await this.pages.ticketOf(id, actor);
    const refusal = await action();
    if (textOf(form, 'back') !== 'list') return backToTicket(res, ticketId, refusal);
    if (!refusal) return res.redirect(303, '/console/compensation?saved=1');
    await this.showList(req, res, agent, {}, refusal.status, refusal.reason);
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    query: { from?: unknown; to?: unknown },
    status: number,
    refused: string | null,
  ) {
    const [awaiting, report] = await Promise.all([this.pages.awaitingDecision(), this.pages.report(query)]);
    const shown = (when: Date | string) => formatLocal(new Date(when), agent.timeZone);
    const data = {
      agent,
      awaiting,
      ...report,
      refused,
      saved: req.query.saved === '1',
      shown,
      vnd: formatVnd,
    };
    this.respond.consolePage(req, res, status, 'policy/compensation', data, agentLanguage(agent));
  }
}

/** Back to the ticket's compensation section, with the service's refusal shown there when it said no. */
function backToTicket(res: Response, ticketId: string, refusal: Refusal | null) {
  const query = refusal ? `?compensationRefused=${encodeURIComponent(refusal.reason)}` : '';
  res.redirect(303, `/console/tickets/${ticketId}${query}#compensation`);
}
