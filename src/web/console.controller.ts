import {
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
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
import { statusOf } from '../common/errors/domain-error.filter.js';
import type { AttachmentFile } from '../tickets/attachments.service.js';
import { TicketChanged } from '../tickets/ticket.errors.js';
import { formatLocal } from '../common/time.js';
import type { UpdateTicketDto } from '../tickets/dto/ticket.dto.js';
import { checkUploads } from './complaint-form.rules.js';
import { ConsoleService } from './console.service.js';
import { formUploads, toAttachmentFiles } from './form-uploads.js';
import { readQueueFilters } from './queue-filters.js';
import { PageResponder, agentLanguage } from './page-responder.js';
import { TicketPage } from './ticket-page.js';

type AgentActor = Actor & { type: 'agent' };

/** The agent console: queues by SLA due time, the ticket with its thread, replies and notes. */
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  constructor(
    private readonly console: ConsoleService,
    private readonly auth: AuthService,
    private readonly respond: PageResponder,
    private readonly ticketPage: TicketPage,
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

  /** The agent switches the console's language; it is kept on their record, so it follows them. */
  @Post('language')
  @Roles('agent')
  @AllowedBeforePasswordChange()
  async language(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const { language, back } = req.body as { language?: string; back?: string };
    if (language === 'vi' || language === 'en') await this.console.setLanguage(agent, language);
    // Only ever back to a console page, never to an address someone slipped into the form.
    res.redirect(
      303,
      typeof back === 'string' && /^\/console\/[\w/?=&%.-]*$/.test(back) ? back : '/console/queues',
    );
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

  /** The sidebar alone: the queue page polls it (htmx) so counts stay live. */
  @Get('queues/sidebar')
  @Roles('agent')
  async sidebar(
    @Query('queue') queueId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    const sidebar = await this.console.sidebar(actor, queueId);
    this.respond.consolePage(req, res, 200, 'console/sidebar', { ...sidebar, agent }, agentLanguage(agent));
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
    const filters = readQueueFilters(req.query);
    const page = await this.console.queuePage(actor, queueId, filters);
    const tickets = withShownDue(page.tickets, agent);
    const nothingWaiting = req.query.empty === '1';
    this.respond.consolePage(
      req,
      res,
      200,
      'console/queue',
      { ...page, tickets, agent, nothingWaiting, filters },
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
    const problem = req.query.conflict === '1' ? 'console.conflict' : null;
    const dataRequestRefused = refusalIn(req.query.dataRequestRefused);
    const caseRefused = refusalIn(req.query.caseRefused);
    const compensationRefused = refusalIn(req.query.compensationRefused);
    const cancellationRefused = refusalIn(req.query.cancellationRefused);
    const refused = dataRequestRefused ?? caseRefused ?? compensationRefused ?? cancellationRefused;
    await this.ticketPage.show(req, res, id, agent, actor, {
      status: problem ? 409 : refused ? 400 : 200,
      problem,
      canned,
      dataRequestRefused,
      caseRefused,
      compensationRefused,
      cancellationRefused,
    });
  }

  /** Who else is on the ticket, as a fragment the ticket page polls (htmx); typing in the reply says "replying". */
  @Post('tickets/:id/presence')
  @Roles('agent')
  async presence(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    const language = agentLanguage(agent);
    if (!this.respond.isGenuine(req)) {
      return this.respond.consolePage(
        req,
        res,
        403,
        'console/presence',
        { ticketId: id, expired: true },
        language,
      );
    }
    const activity = req.query.activity === 'replying' ? 'replying' : 'viewing';
    const present = await this.console.present(id, activity, actor);
    this.respond.consolePage(req, res, 200, 'console/presence', { ticketId: id, present }, language);
  }

  @Get('tickets/:id/attachments/:attachmentId')
  @Roles('agent')
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
  ) {
    const { attachment, bytes } = await this.console.attachment(id, attachmentId, actor);
    // Whatever the file holds, it never runs as a page of the console.
    res
      .setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
      .setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      )
      .type(attachment.contentType)
      .send(bytes);
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
  @UseInterceptors(formUploads)
  async reply(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @UploadedFiles() files: Express.Multer.File[],
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    const version = Number((req.body as { version?: string }).version) || undefined;
    await this.addMessage(req, res, id, files, agent, actor, 'reply', (body, attached) =>
      this.console.reply(id, body, version, attached, actor),
    );
  }

  @Post('tickets/:id/notes')
  @Roles('agent')
  @UseInterceptors(formUploads)
  async note(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @UploadedFiles() files: Express.Multer.File[],
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    await this.addMessage(req, res, id, files, agent, actor, 'note', (body, attached) =>
      this.console.note(id, body, attached, actor),
    );
  }

  /**
   * Adds a reply or note; when it is refused (files, a ticket changed meanwhile, no address to write to) the
   * ticket is shown again with the reason and the words typed kept.
   */
  private async addMessage(
    req: Request,
    res: Response,
    id: string,
    files: Express.Multer.File[] = [],
    agent: Agent,
    actor: AgentActor,
    kind: 'reply' | 'note',
    add: (body: string, files: AttachmentFile[]) => Promise<unknown>,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const body = this.bodyOf(req);
    const refusedFiles = checkUploads(files);
    const kept = kind === 'reply' ? { draft: body } : { noteDraft: body };
    if (refusedFiles)
      return this.ticketPage.show(req, res, id, agent, actor, {
        status: 400,
        problem: refusedFiles,
        ...kept,
      });
    if (!body) return res.redirect(303, `/console/tickets/${id}`);
    try {
      await add(body, toAttachmentFiles(files));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = error instanceof TicketChanged ? 'console.replyConflict' : null;
      return this.ticketPage.show(req, res, id, agent, actor, {
        status: statusOf(error.kind),
        problem,
        reason: problem ? undefined : error.message,
        ...kept,
      });
    }
    res.redirect(303, `/console/tickets/${id}`);
  }

  private bodyOf(req: Request): string {
    return String((req.body as { body?: string }).body ?? '').trim();
  }
}

/** A section's refusal passed back to the ticket page after a form (the service's own words). */
function refusalIn(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 500) : undefined;
}

/** Tickets with their due time as the agent reads it, in their own zone. */
function withShownDue<T extends { dueAt: string | null }>(tickets: T[], agent: Agent) {
  return tickets.map((ticket) => ({
    ...ticket,
    shownDue: ticket.dueAt ? formatLocal(new Date(ticket.dueAt), agent.timeZone) : '',
  }));
}
