import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import type { Refusal } from '../policy-pages/page-refusal.js';
import { IncidentsPagesService } from './incidents-pages.service.js';

/**
 * The incident register for supervisors and admins, as on the API: the list with each notification clock,
 * recording an incident, completing the decree's content, recording the notification and closing.
 */
@ApiExcludeController()
@Controller('console/incidents')
export class IncidentsPagesController {
  constructor(
    private readonly pages: IncidentsPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('supervisor')
  async list(
    @Query('state') state: unknown,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    await this.showList(req, res, agent, state, 200, null, {});
  }

  @Post()
  @Roles('supervisor')
  report(@PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.respond.guarded(post, res, async () => {
      const { id, refusal } = await this.pages.report(post.form, post.actor, post.agent.timeZone);
      if (!refusal) return res.redirect(303, `/console/incidents/${id}?saved=1`);
      const typed = Object.fromEntries(
        ['kind', 'title', 'description', 'discoveredAt'].map((name) => [name, textOf(post.form, name)]),
      );
      await this.showList(post.req, res, post.agent, undefined, refusal.status, refusal, typed);
    });
  }

  @Get(':id')
  @Roles('supervisor')
  async one(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    await this.showOne(req, res, agent, id, 200, null, null);
  }

  @Get(':id/notification-draft')
  @Roles('supervisor')
  async draft(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor & { type: 'agent' },
    @CurrentAgent() agent: Agent,
  ) {
    const data = { agent, ...(await this.pages.draft(id, actor)), shown: shownIn(agent) };
    this.respond.consolePage(req, res, 200, 'privacy/incident-draft', data, agentLanguage(agent));
  }

  @Post(':id')
  @Roles('supervisor')
  update(@Param('id', ParseUUIDPipe) id: string, @PostedToConsole() post: ConsolePost, @Res() res: Response) {
    // What was typed is shown again over a refusal, so a long text is not lost.
    return this.act(id, post, res, post.form, () => this.pages.update(id, post.form, post.actor));
  }

  @Post(':id/notified')
  @Roles('supervisor')
  notified(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.act(id, post, res, null, () =>
      this.pages.recordNotification(id, post.form, post.actor, post.agent.timeZone),
    );
  }

  @Post(':id/close')
  @Roles('supervisor')
  close(@Param('id', ParseUUIDPipe) id: string, @PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.act(id, post, res, null, () => this.pages.close(id, post.form, post.actor));
  }

  private act(
    id: string,
    post: ConsolePost,
    res: Response,
    typed: PostedForm | null,
    action: () => Promise<Refusal | null>,
  ) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await action();
      if (!refusal) return res.redirect(303, `/console/incidents/${id}?saved=1`);
      await this.showOne(post.req, res, post.agent, id, refusal.status, refusal, typed);
    });
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    state: unknown,
    status: number,
    refusal: Refusal | null,
    typed: Record<string, string>,
  ) {
    const data = {
      agent,
      ...(await this.pages.list(state)),
      typed,
      refused: refusal?.reason ?? null,
      shown: shownIn(agent),
    };
    this.respond.consolePage(req, res, status, 'privacy/incidents', data, agentLanguage(agent));
  }

  private async showOne(
    req: Request,
    res: Response,
    agent: Agent,
    id: string,
    status: number,
    refusal: Refusal | null,
    typed: PostedForm | null,
  ) {
    const page = await this.pages.one(id);
    const content = typed
      ? Object.fromEntries(Object.keys(page.incident).map((name) => [name, textOf(typed, name)]))
      : page.incident;
    const data = {
      agent,
      ...page,
      content,
      refused: refusal?.reason ?? null,
      saved: req.query.saved === '1',
      shown: shownIn(agent),
    };
    this.respond.consolePage(req, res, status, 'privacy/incident', data, agentLanguage(agent));
  }
}

const shownIn = (agent: Agent) => (when: string) => formatLocal(new Date(when), agent.timeZone);
