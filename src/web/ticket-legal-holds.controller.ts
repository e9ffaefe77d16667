import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators.js';
import { textOf } from './admin-rules/admin-form.js';
import { type ConsolePost, PostedToConsole } from './console-post.js';
import { PageResponder } from './page-responder.js';
import type { Refusal } from './policy-pages/page-refusal.js';
import { LegalHoldsPagesService } from './privacy-pages/legal-holds-pages.service.js';
import { TicketPage, type TicketPageShown } from './ticket-page.js';

/**
 * Legal holds from the ticket page, for supervisors and admins: placing one on the ticket (and so its customer),
 * releasing one on the ticket or its customer. A refusal answers on the ticket page with what was typed kept.
 */
@ApiExcludeController()
@Controller('console/tickets/:ticketId/legal-holds')
export class TicketLegalHoldsController {
  constructor(
    private readonly holds: LegalHoldsPagesService,
    private readonly ticketPage: TicketPage,
    private readonly respond: PageResponder,
  ) {}

  @Post()
  @Roles('supervisor')
  place(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await this.holds.placeOnTicket(ticketId, post.form, post.actor);
      const typedHold = { reason: textOf(post.form, 'reason'), reference: textOf(post.form, 'reference') };
      await this.answer(ticketId, post, res, refusal, { typedHold });
    });
  }

  @Post(':holdId/release')
  @Roles('supervisor')
  release(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Param('holdId', ParseUUIDPipe) holdId: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await this.holds.releaseOnTicket(ticketId, holdId, post.form, post.actor);
      const typedRelease = { holdId, reason: textOf(post.form, 'reason') };
      await this.answer(ticketId, post, res, refusal, { typedRelease });
    });
  }

  private async answer(
    ticketId: string,
    post: ConsolePost,
    res: Response,
    refusal: Refusal | null,
    typed: Pick<TicketPageShown, 'typedHold' | 'typedRelease'>,
  ) {
    if (!refusal) return res.redirect(303, `/console/tickets/${ticketId}#legal-holds`);
    await this.ticketPage.show(post.req, res, ticketId, post.agent, post.actor, {
      status: refusal.status,
      problem: null,
      holdRefused: refusal.reason,
      ...typed,
    });
  }
}
