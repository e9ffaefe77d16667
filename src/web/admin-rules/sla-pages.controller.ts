import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import type { Weekday } from '../../sla/business-calendar.js';
import { ESCALATION_ACTIONS, ESCALATION_TRIGGERS, SLA_TARGETS } from '../../sla/sla.rules.js';
import { OPEN_STATES } from '../../tickets/ticket-state.rules.js';
import { CHANNELS, PRIORITIES } from '../../tickets/ticket.entity.js';
import { agentLanguage, PageResponder } from '../page-responder.js';
import { type PostedForm, type SaveOutcome, textOf } from './admin-form.js';
import { SlaPagesService } from './sla-pages.service.js';
import {
  emptySlaPolicyForm,
  periodsText,
  readSlaPolicyForm,
  slaPolicyFormOf,
  type SlaPolicyForm,
  TARGET_UNITS,
  WEEKDAYS,
} from './sla-policy-form.js';

const PAGE = '/console/admin/sla';

/** SLA policies and business calendars: supervisors read them, admins change them. */
@ApiExcludeController()
@Controller('console/admin/sla')
export class SlaPagesController {
  constructor(
    private readonly pages: SlaPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('supervisor')
  async overview(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.showOverview(req, res, agent, 200, { saved: req.query.saved === '1' });
  }

  @Get('policies/new')
  @Roles('admin')
  async newPolicy(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const calendars = await this.pages.calendars();
    const fallback = calendars.find((calendar) => calendar.isDefault) ?? calendars[0];
    await this.showPolicy(req, res, agent, 200, {
      policy: null,
      form: emptySlaPolicyForm(fallback?.id ?? ''),
    });
  }

  @Post('policies')
  @Roles('admin')
  async createPolicy(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const form = readSlaPolicyForm(req.body as PostedForm);
    const outcome = await this.pages.createPolicy(form, actor);
    if (outcome.saved) return res.redirect(303, `${PAGE}?saved=1`);
    await this.showPolicy(req, res, agent, 400, { policy: null, form, ...outcome });
  }

  @Get('policies/:id')
  @Roles('supervisor')
  async policy(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const policy = await this.pages.policy(id);
    await this.showPolicy(req, res, agent, 200, { policy, form: slaPolicyFormOf(policy) });
  }

  @Post('policies/:id')
  @Roles('admin')
  async updatePolicy(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const version = Number(textOf(posted, 'version'));
    const form = readSlaPolicyForm(posted);
    const outcome = await this.pages.updatePolicy(id, version, form, actor);
    if (outcome.saved) return res.redirect(303, `${PAGE}?saved=1`);
    const policy = { ...(await this.pages.policy(id)), version };
    await this.showPolicy(req, res, agent, outcome.alert ? 409 : 400, { policy, form, ...outcome });
  }

  @Post('calendars/:id')
  @Roles('admin')
  async updateHours(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, textOf(posted, `hours.${day}`)])) as Record<
      Weekday,
      string
    >;
    const timeZone = textOf(posted, 'timeZone');
    const outcome = await this.pages.updateHours(id, this.versionOf(posted), timeZone, hours, actor);
    await this.afterCalendarChange(req, res, agent, id, outcome, { hours: { timeZone, ...hours } });
  }

  @Post('calendars/:id/holidays')
  @Roles('admin')
  async addHoliday(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const holiday = { date: textOf(posted, 'date'), name: textOf(posted, 'name') };
    const outcome = await this.pages.addHoliday(id, this.versionOf(posted), holiday, actor);
    await this.afterCalendarChange(req, res, agent, id, outcome, { holiday });
  }

  @Post('calendars/:id/holidays/remove')
  @Roles('admin')
  async removeHoliday(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const outcome = await this.pages.removeHoliday(id, this.versionOf(posted), textOf(posted, 'date'), actor);
    await this.afterCalendarChange(req, res, agent, id, outcome, {});
  }

  private versionOf(posted: PostedForm): number {
    return Number(textOf(posted, 'version'));
  }

  /** Back to the page when saved; else the page again, the calendar's form showing what was typed and why not. */
  private async afterCalendarChange(
    req: Request,
    res: Response,
    agent: Agent,
    calendarId: string,
    outcome: SaveOutcome,
    typed: { hours?: Record<string, string>; holiday?: { date: string; name: string } },
  ) {
    if (outcome.saved) return res.redirect(303, `${PAGE}?saved=1#calendar-${calendarId}`);
    await this.showOverview(req, res, agent, outcome.alert ? 409 : 400, {
      failed: { calendarId, problems: outcome.problems, ...typed },
      alert: outcome.alert,
    });
  }

  private async showOverview(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    extra: Record<string, unknown>,
  ) {
    const [policies, calendars, choices] = await Promise.all([
      this.pages.policies(),
      this.pages.calendars(),
      this.pages.choices(),
    ]);
    const shownCalendars = calendars.map((calendar) => ({
      ...calendar,
      hoursText: Object.fromEntries(
        WEEKDAYS.map((day) => [day, periodsText(calendar.workingHours[day] ?? [])]),
      ),
    }));
    this.respond.consolePage(
      req,
      res,
      status,
      'admin-rules/sla',
      {
        agent,
        policies,
        calendars: shownCalendars,
        ...choices,
        canChange: agent.role === 'admin',
        weekdays: WEEKDAYS,
        targets: SLA_TARGETS,
        saved: false,
        alert: null,
        failed: null,
        ...extra,
      },
      agentLanguage(agent),
    );
  }

  private async showPolicy(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    data: { policy: { id: string; version: number } | null; form: SlaPolicyForm } & Record<string, unknown>,
  ) {
    const [calendars, choices] = await Promise.all([this.pages.calendars(), this.pages.choices()]);
    this.respond.consolePage(
      req,
      res,
      status,
      'admin-rules/sla-policy',
      {
        agent,
        calendars,
        ...choices,
        canChange: agent.role === 'admin',
        problems: {},
        alert: null,
        priorities: PRIORITIES,
        channels: CHANNELS,
        pausableStates: OPEN_STATES,
        targets: SLA_TARGETS,
        units: TARGET_UNITS,
        triggers: ESCALATION_TRIGGERS,
        escalationActions: ESCALATION_ACTIONS,
        ...data,
      },
      agentLanguage(agent),
    );
  }
}
