import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { formatVnd } from '../../compensation/compensation.rules.js';
import { textOf } from '../admin-rules/admin-form.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { CompensationPagesService } from './compensation-pages.service.js';
import type { Refusal } from './page-refusal.js';
import { backToTicketSection } from './ticket-section.js';

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
  propose(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.respond.guarded(post, res, async () =>
      backToTicketSection(
        res,
        ticketId,
        'compensation',
        await this.pages.propose(ticketId, post.form, post.actor),
      ),
    );
  }

  @Post('compensations/:id/approve')
  @Roles('supervisor')
  approve(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.act(id, post, res, () => this.pages.decide(id, 'approve', post.form, post.actor));
  }

  @Post('compensations/:id/reject')
  @Roles('supervisor')
  reject(@Param('id', ParseUUIDPipe) id: string, @PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.act(id, post, res, () => this.pages.decide(id, 'reject', post.form, post.actor));
  }

  @Post('compensations/:id/paid')
  @Roles('supervisor')
  markPaid(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.act(id, post, res, () => this.pages.markPaid(id, post.form, post.actor));
  }

  @Post('compensations/:id/withdraw')
  @Roles('agent')
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.act(id, post, res, () => this.pages.withdraw(id, post.form, post.actor));
  }

  /** Runs the action, then goes back where it was asked: the approval list, or the ticket. */
  private act(id: string, post: ConsolePost, res: Response, action: () => Promise<Refusal | null>) {
    return this.respond.guarded(post, res, async () => {
      const ticketId = await this.pages.ticketOf(id, post.actor);
      const refusal = await action();
      if (textOf(post.form, 'back') !== 'list')
        return backToTicketSection(res, ticketId, 'compensation', refusal);
      if (!refusal) return res.redirect(303, '/console/compensation?saved=1');
      await this.showList(post.req, res, post.agent, {}, refusal.status, refusal.reason);
    });
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
