import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { CHANNELS, LANGUAGES, PRIORITIES } from '../../tickets/ticket.entity.js';
import { ACTION_TYPES, CONDITION_OPERATORS, MATCH_MODES } from '../../routing/routing-rules.rules.js';
import { agentLanguage, PageResponder } from '../page-responder.js';
import { type PostedForm, textOf } from './admin-form.js';
import {
  emptyRoutingRuleForm,
  readRoutingRuleForm,
  routingRuleFormOf,
  type RoutingRuleForm,
} from './routing-rule-form.js';
import { type DryRunForm, RoutingRulesPagesService } from './routing-rules-pages.service.js';

const LIST = '/console/admin/routing-rules';
const EMPTY_DRY_RUN: DryRunForm = {
  senderAddress: '',
  subject: '',
  body: '',
  language: '',
  channel: 'email',
};

/** Routing rules: supervisors read them and try the dry run; admins add, change, reorder and delete them. */
@ApiExcludeController()
@Controller('console/admin/routing-rules')
export class RoutingRulesPagesController {
  constructor(
    private readonly pages: RoutingRulesPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('supervisor')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.showList(req, res, agent, 200, { saved: req.query.saved === '1' });
  }

  @Post('dry-run')
  @Roles('supervisor')
  async dryRun(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const sample: DryRunForm = {
      senderAddress: textOf(posted, 'senderAddress'),
      subject: textOf(posted, 'subject'),
      body: textOf(posted, 'body'),
      language: textOf(posted, 'language'),
      channel: textOf(posted, 'channel'),
    };
    const { decision, problems } = await this.pages.dryRun(sample);
    await this.showList(req, res, agent, decision ? 200 : 400, {
      sample,
      decision,
      sampleProblems: problems,
    });
  }

  @Get('new')
  @Roles('admin')
  async newRule(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.showForm(req, res, agent, 200, { rule: null, form: emptyRoutingRuleForm() });
  }

  @Post()
  @Roles('admin')
  async create(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const form = readRoutingRuleForm(req.body as PostedForm);
    const outcome = await this.pages.create(form, actor);
    if (outcome.saved) return res.redirect(303, `${LIST}?saved=1`);
    await this.showForm(req, res, agent, 400, { rule: null, form, ...outcome });
  }

  @Get(':id')
  @Roles('supervisor')
  async rule(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const rule = await this.pages.rule(id);
    await this.showForm(req, res, agent, 200, { rule, form: routingRuleFormOf(rule) });
  }

  @Post(':id')
  @Roles('admin')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const form = readRoutingRuleForm(posted);
    const outcome = await this.pages.update(id, Number(textOf(posted, 'version')), form, actor);
    if (outcome.saved) return res.redirect(303, `${LIST}?saved=1`);
    const rule = await this.pages.rule(id);
    // The version stays the one the admin read, so a change made meanwhile is not overwritten unseen.
    const shown = { ...rule, version: Number(textOf(posted, 'version')) || rule.version };
    await this.showForm(req, res, agent, outcome.alert ? 409 : 400, { rule: shown, form, ...outcome });
  }

  @Post(':id/move')
  @Roles('admin')
  async move(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const direction = textOf(req.body as PostedForm, 'direction') === 'up' ? 'up' : 'down';
    await this.changeList(req, res, agent, () => this.pages.move(id, direction, actor));
  }

  @Post(':id/delete')
  @Roles('admin')
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    await this.changeList(req, res, agent, () => this.pages.remove(id, actor));
  }

  /** A change made from the list: back to the list, or the list again with why it failed. */
  private async changeList(req: Request, res: Response, agent: Agent, change: () => Promise<void>) {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.showList(req, res, agent, 409, { alert: error.message });
    }
    res.redirect(303, `${LIST}?saved=1`);
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    extra: Record<string, unknown>,
  ) {
    const [rules, choices] = await Promise.all([this.pages.rules(), this.pages.choices()]);
    this.respond.consolePage(
      req,
      res,
      status,
      'admin-rules/routing-rules',
      {
        agent,
        rules,
        ...choices,
        canChange: agent.role === 'admin',
        sample: EMPTY_DRY_RUN,
        decision: null,
        sampleProblems: {},
        saved: false,
        alert: null,
        languages: LANGUAGES,
        channels: CHANNELS,
        ...extra,
      },
      agentLanguage(agent),
    );
  }

  private async showForm(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    data: { rule: { id: string; version: number } | null; form: RoutingRuleForm } & Record<string, unknown>,
  ) {
    this.respond.consolePage(
      req,
      res,
      status,
      'admin-rules/routing-rule',
      {
        agent,
        ...(await this.pages.choices()),
        canChange: agent.role === 'admin',
        problems: {},
        alert: null,
        conditionOperators: CONDITION_OPERATORS,
        actionTypes: ACTION_TYPES,
        matchModes: MATCH_MODES,
        priorities: PRIORITIES,
        ...data,
      },
      agentLanguage(agent),
    );
  }
}
