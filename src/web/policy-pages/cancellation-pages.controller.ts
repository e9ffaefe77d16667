import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import type { PostedForm } from '../admin-rules/admin-form.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { CancellationPagesService } from './cancellation-pages.service.js';
import type { Refusal } from './page-refusal.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * The ticket page's cancellation forms. Any agent quotes, accepts or refuses; reducing or waiving the penalty
 * is the supervisor's, which the service decides (as on the API, where the route is open to agents).
 */
@ApiExcludeController()
@Controller('console')
export class CancellationPagesController {
  constructor(
    private readonly pages: CancellationPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Post('tickets/:ticketId/cancellations')
  @Roles('agent')
  async quote(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    backToTicket(res, ticketId, await this.pages.quote(ticketId, form, actor, agent.timeZone));
  }

  @Post('cancellations/:id/decision')
  @Roles('agent')
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const ticketId = await this.pages.ticketOf(id, actor);
    backToTicket(res, ticketId, await this.pages.decide(id, form, actor));
  }
}

/** Back to the ticket's cancellation section, with the service's refusal shown there when it said no. */
function backToTicket(res: Response, ticketId: string, refusal: Refusal | null) {
  const query = refusal ? `?cancellationRefused=${encodeURIComponent(refusal.reason)}` : '';
  res.redirect(303, `/console/tickets/${ticketId}${query}#cancellations`);
}
