import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { ConsentService } from '../consent/consent.service.js';
import { PageResponder } from './page-responder.js';

/**
 * Stopping the newsletter or marketing mail without an agent or an account, by the signed link each carries.
 * GET only ever shows a button: link scanners and previews follow GETs, and must not unsubscribe anyone.
 */
@ApiExcludeController()
@Public()
@Controller('unsubscribe')
export class UnsubscribePagesController {
  constructor(
    private readonly consent: ConsentService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  async confirm(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    const target = typeof token === 'string' ? await this.consent.targetOfToken(token) : null;
    if (!target) return this.respond.customerPage(req, res, 400, 'unsubscribe', { invalid: true });
    this.respond.customerPage(
      req,
      res,
      200,
      'unsubscribe',
      { token, purpose: target.purpose },
      target.language,
    );
  }

  @Post()
  async unsubscribe(@Req() req: Request, @Res() res: Response) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res);
    const token = (req.body as { token?: unknown }).token;
    const target = typeof token === 'string' ? await this.consent.targetOfToken(token) : null;
    if (!target) return this.respond.customerPage(req, res, 400, 'unsubscribe', { invalid: true });
    const changed = await this.consent.unsubscribeByLink(target.id, target.purpose);
    const view = { done: true, changed, purpose: target.purpose };
    this.respond.customerPage(req, res, 200, 'unsubscribe', view, target.language);
  }

  /**
   * RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" with no cookies and no page, so
   * there is no CSRF token to check; the signed token is the authority. Repeats answer 200 and change nothing.
   */
  @Post('one-click')
  async oneClick(@Query('token') token: unknown, @Res() res: Response) {
    const target = typeof token === 'string' ? await this.consent.targetOfToken(token) : null;
    if (!target) return res.status(400).type('text').send('invalid unsubscribe link\n');
    await this.consent.unsubscribeByLink(target.id, target.purpose);
    res.status(200).type('text').setHeader('Cache-Control', 'no-store').send('unsubscribed\n');
  }
}
