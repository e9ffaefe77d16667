import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { sendCsv } from '../../audit/audit-csv-download.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import type { PostedForm } from './admin-desk-forms.js';
import { AuditPagesService } from './audit-pages.service.js';

/** Admin pages for auditors: the audit log filtered, paged and downloadable as CSV. */
@ApiExcludeController()
@Controller('console/admin/audit')
export class AuditPagesController {
  constructor(
    private readonly pages: AuditPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(
    @Query() query: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const page = await this.pages.page(agent, query);
    const status = page.isValid ? 200 : 400;
    this.respond.consolePage(req, res, status, 'admin-desk/audit', { agent, ...page }, agentLanguage(agent));
  }

  @Get('export.csv')
  @Roles('admin')
  async export(
    @Query() query: PostedForm,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
    @CurrentActor() actor: Actor,
  ) {
    const { form, problems } = await this.pages.readFilter(query);
    if (Object.keys(problems).length > 0) {
      return this.respond.message(
        req,
        res,
        400,
        'error.pageTitle',
        problems[Object.keys(problems)[0]],
        agentLanguage(agent),
      );
    }
    await sendCsv(res, await this.pages.exportCsv(form, actor));
  }
}
