import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import {
  BLANK_NEWSLETTER,
  type NewsletterForm,
  newsletterFormOf,
  NewslettersPagesService,
} from './newsletters-pages.service.js';

/** Newsletter issues and marketing mail for admins, as on the API: who they would reach, a send form, the sends. */
@ApiExcludeController()
@Controller('console/admin/newsletters')
export class NewslettersPagesController {
  constructor(
    private readonly pages: NewslettersPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async show(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.render(req, res, agent, 200, BLANK_NEWSLETTER, null);
  }

  @Post()
  @Roles('admin')
  send(@PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.respond.guarded(post, res, async () => {
      const form = newsletterFormOf(post.form);
      const refusal = await this.pages.send(form, post.actor);
      if (!refusal) return res.redirect(303, '/console/admin/newsletters?started=1');
      await this.render(post.req, res, post.agent, refusal.status, form, refusal.reason);
    });
  }

  private async render(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    form: NewsletterForm,
    refused: string | null,
  ) {
    const data = {
      agent,
      ...(await this.pages.page()),
      form,
      refused,
      started: req.query.started === '1',
      shown: (when: string) => formatLocal(new Date(when), agent.timeZone),
    };
    this.respond.consolePage(req, res, status, 'privacy/newsletters', data, agentLanguage(agent));
  }
}
