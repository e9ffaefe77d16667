import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/auth.decorators.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder } from '../page-responder.js';
import { CancellationPagesService } from './cancellation-pages.service.js';
import { backToTicketSection } from './ticket-section.js';

/**
 * The ticket page's cancellation forms. Any agent quotes, accepts or refuses; reducing or waiving the penalty
 * is the supervisor's, which the service decides (as on the API, where the route is open to agents).
 */
@ApiExcludeController()
@Controller('console')
export class CancellationPagesController {
  constructor(
    private readonly pages: CancellationPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Post('tickets/:ticketId/cancellations')
  @Roles('agent')
  quote(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @PostedToConsole() post: ConsolePost,
    @Res() res: Response,
  ) {
    return this.respond.guarded(post, res, async () => {
      const refusal = await this.pages.quote(ticketId, post.form, post.actor, post.agent.timeZone);
      backToTicketSection(res, ticketId, 'cancellations', refusal);
    });
  }

  @Post('cancellations/:id/decision')
  @Roles('agent')
  decide(@Param('id', ParseUUIDPipe) id: string, @PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.respond.guarded(post, res, async () => {
      const ticketId = await this.pages.ticketOf(id, post.actor);
      backToTicketSection(res, ticketId, 'cancellations', await this.pages.decide(id, post.form, post.actor));
    });
  }
}
