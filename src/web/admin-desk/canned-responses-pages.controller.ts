import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import type { CannedResponse } from '../../canned-responses/canned-response.entity.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { cannedResponseFields, type FieldProblems, type PostedForm } from './admin-desk-forms.js';
import { cannedResponseForm, CannedResponsesPagesService } from './canned-responses-pages.service.js';

interface EditorState {
  form: { title: string; language: string; body: string; isActive: unknown; version?: unknown };
  problems?: FieldProblems;
  reason?: string;
  isStale?: boolean;
  saved?: boolean;
  /** What the admin typed when their form was stale, so it is not lost. */
  typed?: { title: string; body: string };
}

/** Admin pages for canned responses: list, add, edit and take out of use (each change audited). */
@ApiExcludeController()
@Controller('console/admin/canned-responses')
export class CannedResponsesPagesController {
  constructor(
    private readonly pages: CannedResponsesPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const form = { language: agentLanguage(agent), isActive: 'true' };
    await this.showList(req, res, agent, 200, { form, saved: req.query.saved === '1' });
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
    if (outcome.ok) return res.redirect(303, '/console/admin/canned-responses?saved=1');
    const { problems, reason } = outcome;
    await this.showList(req, res, agent, reason ? 422 : 400, { form, problems, reason });
  }

  @Get(':id')
  @Roles('admin')
  async edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const row = await this.pages.find(id);
    if (!row) return this.notFound(req, res, agent);
    this.showEditor(req, res, agent, 200, row, {
      form: cannedResponseForm(row),
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
    const row = await this.pages.find(id);
    if (!row) return this.notFound(req, res, agent);
    const outcome = await this.pages.update(row, form, actor);
    if (outcome.ok) return res.redirect(303, `/console/admin/canned-responses/${id}?saved=1`);
    const typed = { ...cannedResponseFields(form), version: form.version };
    const { problems, reason, isStale } = outcome;
    if (isStale) {
      return this.showEditor(req, res, agent, 409, row, { form: cannedResponseForm(row), isStale, typed });
    }
    this.showEditor(req, res, agent, reason ? 422 : 400, row, { form: typed, problems, reason });
  }

  @Post(':id/deactivate')
  @Roles('admin')
  async deactivate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const row = await this.pages.find(id);
    if (!row) return this.notFound(req, res, agent);
    const outcome = await this.pages.deactivate(row, form, actor);
    if (outcome.ok) return res.redirect(303, '/console/admin/canned-responses?saved=1');
    const { reason, isStale } = outcome;
    this.showEditor(req, res, agent, isStale ? 409 : 422, row, {
      form: cannedResponseForm(row),
      isStale,
      reason,
    });
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    state: { form: object; problems?: FieldProblems; reason?: string; saved?: boolean },
  ) {
    const data = { agent, responses: await this.pages.list(), problems: {}, ...state };
    this.respond.consolePage(req, res, status, 'admin-desk/canned-responses', data, agentLanguage(agent));
  }

  private showEditor(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    row: CannedResponse,
    state: EditorState,
  ) {
    const data = {
      agent,
      response: { id: row.id, title: row.title },
      ...this.pages.editorAid(state.form, agent),
      problems: {},
      ...state,
    };
    this.respond.consolePage(req, res, status, 'admin-desk/canned-response', data, agentLanguage(agent));
  }

  private notFound(req: Request, res: Response, agent: Agent) {
    this.respond.message(req, res, 404, 'error.pageTitle', 'adminDesk.notFound', agentLanguage(agent));
  }
}
