import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor.js';
import type { Agent } from '../auth/agent.entity.js';
import {
  AllowedBeforePasswordChange,
  CurrentActor,
  CurrentAgent,
  Public,
  Roles,
} from '../auth/auth.decorators.js';
import { AccountLocked } from '../auth/auth.errors.js';
import { CONSOLE_SESSION_COOKIE } from '../auth/auth.guard.js';
import { AuthService } from '../auth/auth.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { formatLocal } from '../common/time.js';
import type { UpdateTicketDto } from '../tickets/dto/ticket.dto.js';
import { ConsoleService } from './console.service.js';
import { PageResponder, agentLanguage } from './page-responder.js';

type AgentActor = Actor & { type: 'agent' };

/** The agent console: queues by SLA due time, the ticket with its thread, replies and notes. */
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  constructor(
    private readonly console: ConsoleService,
    private readonly auth: AuthService,
    private readonly respond: PageResponder,
  ) {}

  @Get('sign-in')
  @Public()
  signInForm(@Req() req: Request, @Res() res: Response) {
    this.respond.consolePage(req, res, 200, 'console/sign-in', {}, this.respond.language(req));
  }

  @Post('sign-in')
  @Public()
  async signIn(@Req() req: Request, @Res() res: Response) {
    const language = this.respond.language(req);
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, language);
    const { email, password } = req.body as { email?: string; password?: string };
    try {
      const signedIn = await this.auth.login(String(email ?? ''), String(password ?? ''));
      res.cookie(CONSOLE_SESSION_COOKIE, signedIn.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/console/',
        expires: signedIn.record.expiresAt ?? undefined,
      });
      res.redirect(303, signedIn.agent.passwordMustChange ? '/console/password' : '/console/queues');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = error instanceof AccountLocked ? 'console.locked' : 'console.wrongCredentials';
      this.respond.consolePage(req, res, 401, 'console/sign-in', { problem, email }, language);
    }
  }

  @Get('password')
  @AllowedBeforePasswordChange()
  passwordForm(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    this.respond.consolePage(req, res, 200, 'console/password', {}, agentLanguage(agent));
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  async changePassword(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const language = agentLanguage(agent);
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, language);
    const { currentPassword, newPassword } = req.body as Record<string, string | undefined>;
    const problem = await this.console.changePassword(req, agent, currentPassword ?? '', newPassword ?? '');
    if (problem) return this.respond.consolePage(req, res, 400, 'console/password', { problem }, language);
    res.redirect(303, '/console/queues');
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    if (this.respond.isGenuine(req)) await this.console.signOut(req, agent);
    res.clearCookie(CONSOLE_SESSION_COOKIE, { path: '/console/' });
    res.redirect(303, '/console/sign-in');
  }

  @Get('queues')
  @Roles('agent')
  async queues(
    @Query('queue') queueId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    const page = await this.console.queuePage(actor, queueId);
    const tickets = withShownDue(page.tickets, agent);
    const nothingWaiting = req.query.empty === '1';
    this.respond.consolePage(
      req,
      res,
      200,
      'console/queue',
      { ...page, tickets, agent, nothingWaiting },
      agentLanguage(agent),
    );
  }

  @Get('tickets/:id')
  @Roles('agent')
  async ticket(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    const canned = typeof req.query.canned === 'string' && req.query.canned ? req.query.canned : undefined;
    const page = await this.console.ticket(id, actor, agent, canned);
    const shown = (at: string) => formatLocal(new Date(at), agent.timeZone);
    const problem = req.query.conflict === '1' ? 'console.conflict' : null;
    this.respond.consolePage(
      req,
      res,
      problem ? 409 : 200,
      'console/ticket',
      { ...page, shown, agent, problem },
      agentLanguage(agent),
    );
  }

  @Post('tickets/:id')
  @Roles('agent')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, this.respond.language(req));
    const form = req.body as Record<string, string | undefined>;
    const assignee = form.assignee === 'me' ? actor.id : form.assignee === 'nobody' ? null : undefined;
    try {
      await this.console.update(
        id,
        {
          version: Number(form.version),
          state: (form.state || undefined) as UpdateTicketDto['state'],
          priority: (form.priority || undefined) as UpdateTicketDto['priority'],
          queueId: form.queueId || undefined,
          categoryKey: form.categoryKey || undefined,
          ...(assignee !== undefined ? { assigneeId: assignee } : {}),
        },
        actor,
      );
    } catch (error) {
      // Someone changed the ticket meanwhile (or the move is not allowed): show it as it is now.
      if (error instanceof DomainError) return res.redirect(303, `/console/tickets/${id}?conflict=1`);
      throw error;
    }
    res.redirect(303, `/console/tickets/${id}`);
  }

  @Get('search')
  @Roles('agent')
  async search(
    @Query('q') text: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    const tickets = withShownDue(await this.console.search(text ?? '', actor), agent);
    this.respond.consolePage(
      req,
      res,
      200,
      'console/search',
      { tickets, text: text ?? '', agent },
      agentLanguage(agent),
    );
  }

  @Post('queues/:id/next')
  @Roles('agent')
  async next(
    @Param('id', ParseUUIDPipe) queueId: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, this.respond.language(req));
    const ticket = await this.console.next(queueId, actor);
    res.redirect(303, ticket ? `/console/tickets/${ticket.id}` : `/console/queues?queue=${queueId}&empty=1`);
  }

  @Post('tickets/:id/replies')
  @Roles('agent')
  async reply(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
  ) {
    await this.addMessage(req, res, id, () => this.console.reply(id, this.bodyOf(req), actor));
  }

  @Post('tickets/:id/notes')
  @Roles('agent')
  async note(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
  ) {
    await this.addMessage(req, res, id, () => this.console.note(id, this.bodyOf(req), actor));
  }

  private async addMessage(req: Request, res: Response, id: string, add: () => Promise<unknown>) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, this.respond.language(req));
    if (this.bodyOf(req)) await add();
    res.redirect(303, `/console/tickets/${id}`);
  }

  private bodyOf(req: Request): string {
    return String((req.body as { body?: string }).body ?? '').trim();
  }
}

/** Tickets with their due time as the agent reads it, in their own zone. */
function withShownDue<T extends { dueAt: string | null }>(tickets: T[], agent: Agent) {
  return tickets.map((ticket) => ({
    ...ticket,
    shownDue: ticket.dueAt ? formatLocal(new Date(ticket.dueAt), agent.timeZone) : '',
  }));
}
