import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { AuditService } from './audit.service.js';
import { AuditEventPage, ListAuditEventsQuery, toAuditEventView } from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('api/v1/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit events by record and/or by actor, newest first' })
  @ApiSecured(422)
  async list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPage> {
    const page = await this.audit.list(query);
    return { items: page.items.map(toAuditEventView), nextCursor: page.nextCursor };
  }
}
