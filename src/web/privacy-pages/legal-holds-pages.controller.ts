import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { textOf } from '../admin-rules/admin-form.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import type { Refusal } from '../policy-pages/page-refusal.js';
import { LegalHoldsPagesService } from './legal-holds-pages.service.js';

/**
 * Legal holds for supervisors and admins, as on the API: the active and released holds, placing one on a
 * customer or a ticket, releasing one. A refusal is shown over the list, with what was typed kept.
 */
@ApiExcludeController()
@Controller('console/legal-holds')
export class LegalHoldsPagesController {
  constructor(
    private readonly pages: LegalHoldsPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('supervisor')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.show(req, res, agent, 200, null, {});
  }

  @Post()
  @Roles('supervisor')
  place(@PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await this.pages.place(post.form, post.actor);
      if (!refusal) return res.redirect(303, '/console/legal-holds?saved=1');
      const typed = Object.fromEntries(
        ['ticket', 'customerId', 'reason', 'reference'].map((name) => [name, textOf(post.form, name)]),
      );
      await this.show(post.req, res, post.agent, refusal.status, refusal, typed);
    });
  }

  @Post(':id/release')
  @Roles('supervisor')
  release(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await this.pages.release(id, post.form, post.actor);
      if (!refusal) return res.redirect(303, '/console/legal-holds?saved=1');
      await this.show(post.req, res, post.agent, refusal.status, refusal, {});
    });
  }

  private async show(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    refusal: Refusal | null,
    typed: Record<string, string>,
  ) {
    const shown = (when: string) => formatLocal(new Date(when), agent.timeZone);
    const data = {
      agent,
      ...(await this.pages.list()),
      typed,
      refused: refusal?.reason ?? null,
      saved: req.query.saved === '1',
      shown,
    };
    this.respond.consolePage(req, res, status, 'privacy/legal-holds', data, agentLanguage(agent));
  }
}
