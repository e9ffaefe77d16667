import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/auth.decorators.js';
import type { TransactionCaseMove } from '../../transaction-cases/transaction-case.rules.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder } from '../page-responder.js';
import { backToTicketSection } from './ticket-section.js';
import { TransactionCasePagesService } from './transaction-case-pages.service.js';

/**
 * The ticket page's transaction case forms. Any agent reports and suspends; only supervisors and admins
 * decide, as on the API (the service leaves roles to the route).
 */
@ApiExcludeController()
@Controller('console')
export class TransactionCasePagesController {
  constructor(
    private readonly pages: TransactionCasePagesService,
    private readonly respond: PageResponder,
  ) {}

  @Post('tickets/:ticketId/transaction-cases')
  @Roles('agent')
  open(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.respond.guarded(post, res, async () =>
      backToTicketSection(
        res,
        ticketId,
        'transaction-cases',
        await this.pages.open(ticketId, post.form, post.actor),
      ),
    );
  }

  @Post('transaction-cases/:id/suspend')
  @Roles('agent')
  suspend(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.move(id, 'suspend', post, res);
  }

  @Post('transaction-cases/:id/verify-legitimate')
  @Roles('supervisor')
  verifyLegitimate(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.move(id, 'verify_legitimate', post, res);
  }

  @Post('transaction-cases/:id/confirm-fraud')
  @Roles('supervisor')
  confirmFraud(
    @Param('id', ParseUUIDPipe) id: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.move(id, 'confirm_fraud', post, res);
  }

  private move(id: string, move: TransactionCaseMove, post: ConsolePost, res: Response) {
    return this.respond.guarded(post, res, async () => {
      const ticketId = await this.pages.ticketOf(id, post.actor);
      const refusal = await this.pages.move(id, move, post.form, post.actor);
      backToTicketSection(res, ticketId, 'transaction-cases', refusal);
    });
  }
}
