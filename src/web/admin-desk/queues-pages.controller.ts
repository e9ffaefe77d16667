import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import type { Actor } from '../../auth/actor.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import type { QueueWithMembers } from '../../queues/queues.service.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { type FieldProblems, type PostedForm, values } from './admin-desk-forms.js';
import { queueForm, QueuesPagesService } from './queues-pages.service.js';

interface QueuePageState {
  form: object;
  memberIds: string[];
  problems?: FieldProblems;
  reason?: string;
  isStale?: boolean;
  saved?: boolean;
}

/** Admin pages for queues: the list, a new queue, its settings and its members. */
@ApiExcludeController()
@Controller('console/admin/queues')
export class QueuesPagesController {
  constructor(
    private readonly pages: QueuesPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.showList(req, res, agent, 200, { assignmentMode: 'manual' }, {});
  }

  @Post()
  @Roles('admin')
  async create(
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const outcome = await this.pages.create(form, actor);
    if (outcome.ok) return res.redirect(303, `/console/admin/queues/${outcome.saved.id}?saved=1`);
    this.showList(req, res, agent, outcome.reason ? 422 : 400, form, outcome.problems, outcome.reason);
  }

  @Get(':id')
  @Roles('admin')
  async edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const current = await this.pages.find(id);
    if (!current) return this.notFound(req, res, agent);
    await this.showQueue(req, res, agent, 200, current, {
      form: queueForm(current.queue),
      memberIds: current.memberIds,
      saved: req.query.saved === '1',
    });
  }

  @Post(':id')
  @Roles('admin')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const current = await this.pages.find(id);
    if (!current) return this.notFound(req, res, agent);
    const outcome = await this.pages.update(current.queue, form, actor);
    if (outcome.ok) return res.redirect(303, `/console/admin/queues/${id}?saved=1`);
    const { problems, reason, isStale } = outcome;
    const { memberIds } = current;
    if (isStale) {
      return this.showQueue(req, res, agent, 409, current, {
        form: queueForm(current.queue),
        memberIds,
        isStale,
      });
    }
    await this.showQueue(req, res, agent, reason ? 422 : 400, current, { form, memberIds, problems, reason });
  }

  @Post(':id/members')
  @Roles('admin')
  async setMembers(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const current = await this.pages.find(id);
    if (!current) return this.notFound(req, res, agent);
    const outcome = await this.pages.setMembers(current.queue, form, actor);
    if (outcome.ok) return res.redirect(303, `/console/admin/queues/${id}?saved=1`);
    await this.showQueue(req, res, agent, 400, current, {
      form: queueForm(current.queue),
      memberIds: values(form, 'agentIds'),
      problems: outcome.problems,
    });
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    form: PostedForm,
    problems: FieldProblems,
    reason?: string,
  ) {
    const data = { agent, queues: await this.pages.list(), form, problems, reason };
    this.respond.consolePage(req, res, status, 'admin-desk/queues', data, agentLanguage(agent));
  }

  private async showQueue(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    { queue }: QueueWithMembers,
    state: QueuePageState,
  ) {
    const data = {
      agent,
      queue: { id: queue.id, name: queue.name, isDefault: queue.isDefault },
      candidates: await this.pages.candidates(),
      problems: {},
      ...state,
    };
    this.respond.consolePage(req, res, status, 'admin-desk/queue', data, agentLanguage(agent));
  }

  private notFound(req: Request, res: Response, agent: Agent) {
    this.respond.message(req, res, 404, 'error.pageTitle', 'adminDesk.notFound', agentLanguage(agent));
  }
}
