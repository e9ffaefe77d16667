import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { agentLanguage, PageResponder } from '../page-responder.js';
import type { PostedForm } from './admin-form.js';
import type { ConnectionTestResult } from './mailbox-connection-test.js';
import {
  emptyMailboxForm,
  type MailboxForm,
  mailboxFormOf,
  postedPassword,
  readMailboxForm,
} from './mailbox-form.js';
import { MailboxPagesService } from './mailbox-pages.service.js';

const LIST = '/console/admin/mailboxes';
const SECURITY = ['implicit', 'starttls', 'none'];

/** Mailboxes the desk reads (admins only, as in the API). The IMAP password is write-only. */
@ApiExcludeController()
@Controller('console/admin/mailboxes')
export class MailboxPagesController {
  constructor(
    private readonly pages: MailboxPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    await this.showList(req, res, agent, { saved: req.query.saved === '1' });
  }

  @Get('new')
  @Roles('admin')
  async newMailbox(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const queues = await this.pages.queueChoices();
    const fallback = queues.find((queue) => queue.isDefault) ?? queues[0];
    await this.showForm(req, res, agent, 200, { mailbox: null, form: emptyMailboxForm(fallback?.id ?? '') });
  }

  @Post()
  @Roles('admin')
  async create(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const form = readMailboxForm(posted);
    const outcome = await this.pages.create(form, postedPassword(posted));
    if (outcome.saved) return res.redirect(303, `${LIST}?saved=1`);
    await this.showForm(req, res, agent, outcome.alert ? 409 : 400, { mailbox: null, form, ...outcome });
  }

  @Get(':id')
  @Roles('admin')
  async mailbox(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const mailbox = await this.pages.mailbox(id);
    await this.showForm(req, res, agent, 200, { mailbox, form: mailboxFormOf(mailbox) });
  }

  @Post(':id')
  @Roles('admin')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const posted = req.body as PostedForm;
    const form = readMailboxForm(posted);
    const outcome = await this.pages.update(id, form, postedPassword(posted));
    if (outcome.saved) return res.redirect(303, `${LIST}?saved=1`);
    const mailbox = await this.pages.mailbox(id);
    await this.showForm(req, res, agent, outcome.alert ? 409 : 400, { mailbox, form, ...outcome });
  }

  @Post(':id/test')
  @Roles('admin')
  async test(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const result = await this.pages.testConnection(id);
    await this.showList(req, res, agent, { tested: { mailboxId: id, ...result } });
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    extra: { saved?: boolean; tested?: ConnectionTestResult & { mailboxId: string } },
  ) {
    const [mailboxes, queues] = await Promise.all([this.pages.mailboxes(), this.pages.queueChoices()]);
    const shown = mailboxes.map((mailbox) => ({
      ...mailbox,
      queueName: queues.find((queue) => queue.id === mailbox.defaultQueueId)?.name ?? mailbox.defaultQueueId,
      shownLastFetch: mailbox.lastFetchAt ? formatLocal(new Date(mailbox.lastFetchAt), agent.timeZone) : '',
    }));
    this.respond.consolePage(
      req,
      res,
      200,
      'admin-rules/mailboxes',
      { agent, mailboxes: shown, saved: false, tested: null, ...extra },
      agentLanguage(agent),
    );
  }

  private async showForm(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    data: { mailbox: { id: string; source: string } | null; form: MailboxForm } & Record<string, unknown>,
  ) {
    this.respond.consolePage(
      req,
      res,
      status,
      'admin-rules/mailbox',
      {
        agent,
        queues: await this.pages.queueChoices(),
        security: SECURITY,
        problems: {},
        alert: null,
        ...data,
      },
      agentLanguage(agent),
    );
  }
}
