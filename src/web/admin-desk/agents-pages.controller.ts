import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import type { Actor } from '../../auth/actor.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { toAgentView } from '../../auth/dto/agent.view.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import type { FieldProblems, PostedForm } from './admin-desk-forms.js';
import { agentForm, AgentsPagesService, type IssuedPassword } from './agents-pages.service.js';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** Admin pages for agents: the list, a new account with its one-time password, role and presence changes. */
@ApiExcludeController()
@Controller('console/admin/agents')
export class AgentsPagesController {
  constructor(
    private readonly pages: AgentsPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const form = { role: 'agent', language: 'vi', timeZone: agent.timeZone, capacity: '20' };
    await this.showList(req, res, agent, 200, form, {});
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
    if (!outcome.ok) return this.showList(req, res, agent, 400, form, outcome.problems);
    this.showPassword(req, res, agent, outcome.saved, 'adminDesk.agents.created');
  }

  @Get(':id')
  @Roles('admin')
  async edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const account = await this.pages.find(id);
    if (!account) return this.notFound(req, res, agent);
    this.showAccount(req, res, agent, 200, account, {
      form: agentForm(account),
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
    const account = await this.pages.find(id);
    if (!account) return this.notFound(req, res, agent);
    const outcome = await this.pages.update(account, form, actor);
    if (outcome.ok) return res.redirect(303, `/console/admin/agents/${id}?saved=1`);
    const { problems, reason, isStale } = outcome;
    if (isStale)
      return this.showAccount(req, res, agent, 409, account, { form: agentForm(account), isStale });
    this.showAccount(req, res, agent, reason ? 422 : 400, account, { form, problems, reason });
  }

  @Post(':id/password')
  @Roles('admin')
  async resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const account = await this.pages.find(id);
    if (!account) return this.notFound(req, res, agent);
    this.showPassword(
      req,
      res,
      agent,
      await this.pages.resetPassword(account, actor),
      'adminDesk.agents.passwordReset',
    );
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    form: PostedForm,
    problems: FieldProblems,
  ) {
    const agents = await this.pages.list(agent);
    const data = { agent, agents, form, problems, timeZones: TIME_ZONES };
    this.respond.consolePage(req, res, status, 'admin-desk/agents', data, agentLanguage(agent));
  }

  private showAccount(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    account: Agent,
    state: { form: object; problems?: FieldProblems; reason?: string; isStale?: boolean; saved?: boolean },
  ) {
    const data = {
      agent,
      account: this.pages.shown(account, agent),
      problems: {},
      timeZones: TIME_ZONES,
      ...state,
    };
    this.respond.consolePage(req, res, status, 'admin-desk/agent', data, agentLanguage(agent));
  }

  /**
   * The one-time password goes into this answer only: never into a redirect URL, a cookie or a log line.
   * The page is not cached (PageResponder), so it is gone once the admin leaves it.
   */
  private showPassword(req: Request, res: Response, agent: Agent, issued: IssuedPassword, heading: string) {
    const data = {
      agent,
      account: toAgentView(issued.agent),
      password: issued.password,
      heading,
    };
    this.respond.consolePage(req, res, 200, 'admin-desk/password-issued', data, agentLanguage(agent));
  }

  private notFound(req: Request, res: Response, agent: Agent) {
    this.respond.message(req, res, 404, 'error.pageTitle', 'adminDesk.notFound', agentLanguage(agent));
  }
}
