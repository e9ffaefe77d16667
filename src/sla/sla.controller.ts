import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  CalendarView,
  SavePolicyDto,
  SlaPolicyView,
  toCalendarView,
  toSlaPolicyView,
  UpdateCalendarDto,
  UpdatePolicyDto,
} from './dto/sla-admin.dto.js';
import { SlaReportQuery, SlaReportView } from './dto/sla-report.dto.js';
import { SlaAdminService } from './sla-admin.service.js';
import { SlaReportService } from './sla-report.service.js';

@ApiTags('sla')
@Controller('api/v1/sla')
export class SlaController {
  constructor(
    private readonly sla: SlaAdminService,
    private readonly reports: SlaReportService,
  ) {}

  @Get('report')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'First-response and resolution times (median, p90, share within target), breaches and open tickets by age, per queue or agent, in business time',
  })
  @ApiSecured()
  report(@Query() query: SlaReportQuery): Promise<SlaReportView> {
    return this.reports.report(query);
  }

  @Get('policies')
  @Roles('supervisor')
  @ApiOperation({ summary: 'SLA policies in the order they are tried' })
  @ApiSecured()
  async policies(): Promise<SlaPolicyView[]> {
    return (await this.sla.listPolicies()).map(toSlaPolicyView);
  }

  @Post('policies')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a policy; open tickets are re-timed under it' })
  @ApiSecured()
  async createPolicy(@Body() dto: SavePolicyDto, @CurrentActor() actor: Actor): Promise<SlaPolicyView> {
    return toSlaPolicyView(await this.sla.createPolicy(dto, actor));
  }

  @Put('policies/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace a policy; open tickets are re-timed' })
  @ApiSecured(404, 409)
  async updatePolicy(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePolicyDto,
    @CurrentActor() actor: Actor,
  ): Promise<SlaPolicyView> {
    return toSlaPolicyView(await this.sla.updatePolicy(id, dto, actor));
  }

  @Get('calendars')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Business calendars: time zone, working hours, holidays' })
  @ApiSecured()
  async calendars(): Promise<CalendarView[]> {
    return (await this.sla.listCalendars()).map(toCalendarView);
  }

  @Put('calendars/:id')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a calendar's zone, hours and holidays; open tickets are re-timed" })
  @ApiSecured(404, 409)
  async updateCalendar(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCalendarDto,
    @CurrentActor() actor: Actor,
  ): Promise<CalendarView> {
    return toCalendarView(await this.sla.updateCalendar(id, dto, actor));
  }
}
