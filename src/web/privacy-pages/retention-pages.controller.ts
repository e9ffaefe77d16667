import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { RetentionPagesService } from './retention-pages.service.js';

/** Retention for admins, as on the API: the preview of the next run, the past runs, and "run now". */
@ApiExcludeController()
@Controller('console/admin/retention')
export class RetentionPagesController {
  constructor(
    private readonly pages: RetentionPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async show(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    await this.render(req, res, agent, actor, 200, null);
  }

  @Post('runs')
  @Roles('admin')
  start(@PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await this.pages.start(post.actor);
      if (!refusal) return res.redirect(303, '/console/admin/retention?started=1');
      await this.render(post.req, res, post.agent, post.actor, refusal.status, refusal.reason);
    });
  }

  private async render(
    req: Request,
    res: Response,
    agent: Agent,
    actor: Actor,
    status: number,
    refused: string | null,
  ) {
    const shown = (when: Date | string) => formatLocal(new Date(when), agent.timeZone);
    const data = {
      agent,
      ...(await this.pages.page(actor)),
      refused,
      started: req.query.started === '1',
      shown,
    };
    this.respond.consolePage(req, res, status, 'privacy/retention', data, agentLanguage(agent));
  }
}
