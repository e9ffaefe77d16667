import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { AuditChainService } from './audit-chain.service.js';
import { sendCsv } from './audit-csv-download.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditService } from './audit.service.js';
import {
  AuditChainReportView,
  AuditEventPage,
  AuditEventsFilterQuery,
  ListAuditEventsQuery,
  toAuditEventView,
} from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('api/v1/audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly chain: AuditChainService,
    private readonly exports: AuditExportService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit events by customer, actor, record, action and period, newest first' })
  @ApiSecured(422)
  async list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPage> {
    const page = await this.audit.list({ ...query, timeZone: this.config.defaultTimeZone });
    return { items: page.items.map(toAuditEventView), nextCursor: page.nextCursor };
  }

  @Get('export.csv')
  @Roles('admin')
  @ApiOperation({
    summary: 'The matching audit events as CSV (UTF-8 with BOM), oldest first; the export is audited',
  })
  @ApiProduces('text/csv')
  @ApiSecured()
  async export(@Query() query: AuditEventsFilterQuery, @CurrentActor() actor: Actor, @Res() res: Response) {
    const csv = await this.exports.exportCsv({ ...query, timeZone: this.config.defaultTimeZone }, actor);
    await sendCsv(res, csv);
  }

  @Get('verification')
  @Roles('admin')
  @ApiOperation({
    summary: 'Checks the hash chain: whether any audit event was changed, removed or inserted',
  })
  @ApiSecured()
  verify(): Promise<AuditChainReportView> {
    return this.chain.verify();
  }
}
