import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { Clock } from '../../common/clock.js';
import { NotFound } from '../../common/errors/domain-error.js';
import { formatLocal } from '../../common/time.js';
import { deadlineDay, typeInWords } from '../../data-requests/data-request.rules.js';
import { DataRequestLinksService } from '../../data-requests/data-request-links.service.js';
import { pickLanguage } from '../i18n.js';
import { PageResponder } from '../page-responder.js';

/**
 * What the link in a data-subject request's identity-check letter opens: GET shows the request (link
 * scanners follow GETs, so it changes nothing), the form posts the confirmation, and a confirmed "view" or
 * "copy" request downloads the export for EXPORT_DAYS.
 */
@ApiExcludeController()
@Public()
@Controller('privacy/requests/:secret')
export class DataRequestPagesController {
  constructor(
    private readonly links: DataRequestLinksService,
    private readonly respond: PageResponder,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Param('secret') secret: string, @Req() req: Request, @Res() res: Response) {
    const found = await this.links.linkView(secret);
    if (!found) return this.invalid(req, res);
    const { request, timeZone } = found;
    const language = pickLanguage(
      req.cookies?.lang as string | undefined,
      req.headers['accept-language'],
      found.language,
    );
    const exportOpen = request.exportUntil && request.exportUntil > this.clock.now();
    this.respond.customerPage(
      req,
      res,
      200,
      'data-requests/request',
      {
        request,
        typeInWords: typeInWords(request.type, language),
        received: formatLocal(request.receivedAt, timeZone),
        due: deadlineDay(request.dueAt, timeZone),
        exportUntil: exportOpen ? formatLocal(request.exportUntil!, timeZone) : null,
      },
      found.language,
    );
  }

  @Post()
  async confirm(@Param('secret') secret: string, @Req() req: Request, @Res() res: Response) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res);
    try {
      await this.links.confirmIdentity(secret);
    } catch (error) {
      if (error instanceof NotFound) return this.invalid(req, res);
      throw error;
    }
    res.redirect(303, req.originalUrl);
  }

  @Get('export.json')
  async exportJson(@Param('secret') secret: string, @Req() req: Request, @Res() res: Response) {
    const data = await this.exportOrInvalid(secret, req, res);
    if (!data) return;
    res
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .attachment(`offtrack-travel-personal-data-${data.generatedAt.slice(0, 10)}.json`)
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  }

  @Get('export.html')
  async exportHtml(@Param('secret') secret: string, @Req() req: Request, @Res() res: Response) {
    const data = await this.exportOrInvalid(secret, req, res);
    if (!data) return;
    const zone = data.customer.timeZone;
    this.respond.customerPage(req, res, 200, 'data-requests/export', {
      data,
      at: (iso: string) => formatLocal(new Date(iso), zone),
    });
  }

  private async exportOrInvalid(secret: string, req: Request, res: Response) {
    try {
      return await this.links.exportFor(secret);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      this.invalid(req, res);
      return null;
    }
  }

  private invalid(req: Request, res: Response) {
    this.respond.message(req, res, 404, 'dataRequest.title', 'dataRequest.invalid');
  }
}
