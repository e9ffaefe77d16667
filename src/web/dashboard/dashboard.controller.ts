import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { MessageKey } from '../i18n.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { DashboardService } from './dashboard.service.js';
import { type DashboardPeriod, DEFAULT_PERIOD } from './dashboard.rules.js';
import { DashboardQuery } from './dto/dashboard.query.js';

/** The supervisor dashboard, and marking the supervisor's notifications read from it. */
@ApiExcludeController()
@Controller('console/dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('supervisor')
  async show(
    @Query('period') period: unknown,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const invalid = (await validate(plainToInstance(DashboardQuery, { period }))).length > 0;
    const chosen = invalid || !period ? DEFAULT_PERIOD : (Number(period) as DashboardPeriod);
    const periodProblem = invalid ? { value: String(period).slice(0, 40) } : null;
    await this.render(req, res, agent, invalid ? 400 : 200, chosen, {
      periodProblem,
      saved: req.query.saved === '1',
    });
  }

  @Post('notifications/:id/read')
  @Roles('supervisor')
  async markRead(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    try {
      await this.dashboard.markNotificationRead(agent, id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem: MessageKey = 'dashboard.notificationMissing';
      return this.render(req, res, agent, error.kind === 'not_found' ? 404 : 409, DEFAULT_PERIOD, {
        problem,
      });
    }
    res.redirect(303, '/console/dashboard?saved=1');
  }

  private async render(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    period: DashboardPeriod,
    extra: Record<string, unknown>,
  ) {
    const page = await this.dashboard.page(agent, period);
    this.respond.consolePage(
      req,
      res,
      status,
      'dashboard/dashboard',
      { ...page, ...extra, agent },
      agentLanguage(agent),
    );
  }
}
