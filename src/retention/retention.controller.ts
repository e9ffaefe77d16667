import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  RetentionPreviewQuery,
  RetentionPreviewView,
  RetentionRunView,
  toRetentionRunView,
} from './dto/retention.dto.js';
import { RetentionService } from './retention.service.js';

@ApiTags('retention')
@Controller('api/v1/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('preview')
  @Roles('admin')
  @ApiOperation({ summary: 'What a run started now would anonymise, and whom it would skip and why' })
  @ApiSecured()
  async preview(@Query() query: RetentionPreviewQuery): Promise<RetentionPreviewView> {
    const preview = await this.retention.preview(query.limit);
    const due = (customer: { id: string; lastActivity: Date }) => ({
      customerId: customer.id,
      lastActivity: customer.lastActivity.toISOString(),
    });
    return {
      cutoff: preview.cutoff.toISOString(),
      retentionMonths: preview.retentionMonths,
      toAnonymise: preview.toAnonymise,
      skippedHold: preview.skippedHold,
      skippedDispute: preview.skippedDispute,
      tickets: preview.tickets,
      customers: preview.customers.map(due),
      skipped: preview.skipped.map((customer) => ({ ...due(customer), reasons: customer.reasons })),
    };
  }

  @Get('runs')
  @Roles('admin')
  @ApiOperation({ summary: 'Retention runs, latest first (50)' })
  @ApiSecured()
  async runs(): Promise<RetentionRunView[]> {
    return (await this.retention.listRuns()).map(toRetentionRunView);
  }

  @Get('runs/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'One retention run with its counts so far' })
  @ApiSecured(404)
  async run(@Param('id', ParseUUIDPipe) id: string): Promise<RetentionRunView> {
    return toRetentionRunView(await this.retention.getRun(id));
  }

  @Post('runs')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Start a run now; it goes on in the background (poll the run for its counts)' })
  @ApiSecured(409)
  async start(@CurrentActor() actor: Actor): Promise<RetentionRunView> {
    return toRetentionRunView(await this.retention.start(actor));
  }
}
