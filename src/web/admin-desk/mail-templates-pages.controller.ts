import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import type { Actor } from '../../auth/actor.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import type { MailTemplate } from '../../mail/outbound/mail-template.entity.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { type FieldProblems, mailTemplateFields, type PostedForm } from './admin-desk-forms.js';
import { describe, mailTemplateForm, MailTemplatesPagesService } from './mail-templates-pages.service.js';

interface EditorState {
  form: { subject: string; bodyText: string; version?: unknown };
  problems?: FieldProblems;
  reason?: string;
  isStale?: boolean;
  saved?: boolean;
  /** What the admin typed when their form was stale, so it is not lost. */
  typed?: { subject: string; bodyText: string };
}

/** Admin pages for the automatic mails' texts, per language, with their blanks and a preview. */
@ApiExcludeController()
@Controller('console/admin/templates')
export class MailTemplatesPagesController {
  constructor(
    private readonly pages: MailTemplatesPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const data = { agent, templates: await this.pages.list(agent) };
    this.respond.consolePage(req, res, 200, 'admin-desk/templates', data, agentLanguage(agent));
  }

  @Get(':key/:language')
  @Roles('admin')
  async edit(
    @Param('key') key: string,
    @Param('language') language: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const template = await this.pages.find(key, language);
    if (!template) return this.notFound(req, res, agent);
    this.showEditor(req, res, agent, 200, template, {
      form: mailTemplateForm(template),
      saved: req.query.saved === '1',
    });
  }

  /** Saves, or (the "preview" button) only shows the typed text with sample values. */
  @Post(':key/:language')
  @Roles('admin')
  async update(
    @Param('key') key: string,
    @Param('language') language: string,
    @Body() form: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const template = await this.pages.find(key, language);
    if (!template) return this.notFound(req, res, agent);
    const typed = { ...mailTemplateFields(form), version: form.version };
    if (form.intent === 'preview') return this.showEditor(req, res, agent, 200, template, { form: typed });
    const outcome = await this.pages.update(template, form, actor);
    if (outcome.ok) {
      return res.redirect(303, `/console/admin/templates/${encodeURIComponent(key)}/${language}?saved=1`);
    }
    const { problems, reason, isStale } = outcome;
    if (isStale) {
      const state = { form: mailTemplateForm(template), isStale, typed };
      return this.showEditor(req, res, agent, 409, template, state);
    }
    this.showEditor(req, res, agent, reason ? 422 : 400, template, { form: typed, problems, reason });
  }

  private showEditor(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    template: MailTemplate,
    state: EditorState,
  ) {
    const data = {
      agent,
      template: describe(template),
      ...this.pages.editorAid(template, state.form, agent),
      problems: {},
      ...state,
    };
    this.respond.consolePage(req, res, status, 'admin-desk/template', data, agentLanguage(agent));
  }

  private notFound(req: Request, res: Response, agent: Agent) {
    this.respond.message(req, res, 404, 'error.pageTitle', 'adminDesk.notFound', agentLanguage(agent));
  }
}
