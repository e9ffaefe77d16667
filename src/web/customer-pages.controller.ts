import { Controller, Get, Param, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Public } from '../auth/auth.decorators.js';
import { DATA_REQUEST_TYPES } from '../data-requests/data-request.rules.js';
import { checkComplaintForm, COMPLAINT_TOPICS, type ComplaintFormInput } from './complaint-form.rules.js';
import { CustomerPagesService } from './customer-pages.service.js';
import { formUploads, toAttachmentFiles } from './form-uploads.js';
import { PageResponder } from './page-responder.js';

/** Customer pages: no sign-in; a ticket is reached only through its signed status link. */
@ApiExcludeController()
@Public()
@Controller()
export class CustomerPagesController {
  private readonly complaintsPerAddress = new RateLimiterMemory({ points: 10, duration: 3600 });
  private readonly complaintsPerEmail = new RateLimiterMemory({ points: 5, duration: 3600 });
  private readonly lookupsPerAddress = new RateLimiterMemory({ points: 10, duration: 3600 });

  constructor(
    private readonly pages: CustomerPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  home(@Res() res: Response) {
    res.redirect(302, '/complaint');
  }

  @Get('complaint')
  complaintForm(@Req() req: Request, @Res() res: Response) {
    this.respond.customerPage(req, res, 200, 'complaint', {
      values: {},
      errors: {},
      topics: COMPLAINT_TOPICS,
      dataRequestTypes: DATA_REQUEST_TYPES,
    });
  }

  @Post('complaint')
  @UseInterceptors(formUploads)
  async fileComplaint(
    @Req() req: Request,
    @Res() res: Response,
    @UploadedFiles() files: Express.Multer.File[],
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res);
    const input = req.body as ComplaintFormInput;
    const language = this.respond.language(req);
    const again = (status: number, data: Record<string, unknown>) =>
      this.respond.customerPage(req, res, status, 'complaint', {
        values: input,
        errors: {},
        topics: COMPLAINT_TOPICS,
        dataRequestTypes: DATA_REQUEST_TYPES,
        ...data,
      });
    // A filled honeypot is a bot: it gets the same page a person would, and nothing is filed.
    if (input.website) return again(200, { values: {} });
    const checked = checkComplaintForm(input, files ?? []);
    if (!checked.ok) return again(400, { errors: checked.errors });
    const allowed = await Promise.all([
      this.complaintsPerAddress.consume(req.ip ?? 'unknown').then(
        () => true,
        () => false,
      ),
      this.complaintsPerEmail.consume(checked.complaint.email).then(
        () => true,
        () => false,
      ),
    ]);
    if (allowed.includes(false)) return again(429, { rateLimited: true });
    const token = await this.pages.file(checked.complaint, toAttachmentFiles(files), language);
    res.redirect(303, `/status/${token}?filed=1`);
  }

  @Get('procedure')
  async procedure(@Req() req: Request, @Res() res: Response) {
    this.respond.customerPage(
      req,
      res,
      200,
      'procedure',
      await this.pages.procedure(this.respond.language(req)),
    );
  }

  @Get('privacy')
  privacy(@Req() req: Request, @Res() res: Response) {
    this.respond.customerPage(req, res, 200, 'privacy', {
      paragraphs: this.pages.privacyPolicy(this.respond.language(req)),
    });
  }

  @Get('status')
  lookupForm(@Req() req: Request, @Res() res: Response) {
    this.respond.customerPage(req, res, 200, 'lookup', {});
  }

  @Post('status')
  async lookup(@Req() req: Request, @Res() res: Response) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res);
    const allowed = await this.lookupsPerAddress.consume(req.ip ?? 'unknown').then(
      () => true,
      () => false,
    );
    if (!allowed) return this.respond.message(req, res, 429, 'lookup.title', 'error.rateLimited');
    const { number, email } = req.body as { number?: string; email?: string };
    await this.pages.sendLink(number ?? '', email ?? '', this.respond.language(req));
    this.respond.customerPage(req, res, 200, 'lookup', { sent: true });
  }

  @Get('status/:token')
  async status(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    const checked = this.pages.check(token);
    const page = checked.valid ? await this.pages.statusPage(checked.claim) : null;
    if (!page) return this.respond.customerPage(req, res, 404, 'lookup', { invalidLink: true });
    this.respond.customerPage(
      req,
      res,
      200,
      'status',
      {
        ...page,
        token,
        filed: req.query.filed === '1',
        replied: req.query.sent === '1',
      },
      page.preferredLanguage,
    );
  }

  @Post('status/:token/replies')
  @UseInterceptors(formUploads)
  async reply(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
    @UploadedFiles() files: Express.Multer.File[],
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res);
    const checked = this.pages.check(token);
    if (!checked.valid) return this.respond.customerPage(req, res, 404, 'lookup', { invalidLink: true });
    const body = String((req.body as { body?: string }).body ?? '').trim();
    if (!body) {
      const page = await this.pages.statusPage(checked.claim);
      if (!page) return this.respond.customerPage(req, res, 404, 'lookup', { invalidLink: true });
      return this.respond.customerPage(
        req,
        res,
        400,
        'status',
        { ...page, token, error: 'error.required' },
        page.preferredLanguage,
      );
    }
    if (!(await this.pages.reply(checked.claim, body, toAttachmentFiles(files)))) {
      return this.respond.customerPage(req, res, 404, 'lookup', { invalidLink: true });
    }
    res.redirect(303, `/status/${token}?sent=1`);
  }
}
