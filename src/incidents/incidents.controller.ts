import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  CloseIncidentDto,
  IncidentView,
  ListIncidentsQuery,
  NotificationDraftView,
  RecordNotificationDto,
  ReportIncidentDto,
  toIncidentView,
  UpdateIncidentDto,
} from './dto/incident.dto.js';
import type { Incident } from './incident.entity.js';
import { IncidentsService } from './incidents.service.js';

type AgentActor = Actor & { type: 'agent' };

@ApiTags('incidents')
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Record a personal-data breach or an attack on the information system' })
  @ApiSecured()
  async report(@Body() dto: ReportIncidentDto, @CurrentActor() actor: AgentActor): Promise<IncidentView> {
    return this.view(await this.incidents.report(dto, actor));
  }

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: 'The incident register, latest discovery first, with each deadline' })
  @ApiSecured()
  async list(@Query() query: ListIncidentsQuery): Promise<IncidentView[]> {
    return (await this.incidents.list(query.state)).map((row) => this.view(row));
  }

  @Get(':id')
  @Roles('supervisor')
  @ApiOperation({ summary: 'One incident with its deadlines' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<IncidentView> {
    return this.view(await this.incidents.get(id));
  }

  @Patch(':id')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Complete or correct the notification content (fields left out stay as they are)',
  })
  @ApiSecured(404, 409)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIncidentDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<IncidentView> {
    return this.view(await this.incidents.update(id, dto, actor));
  }

  @Post(':id/notified')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Record that the authority was notified; stops the reminders' })
  @ApiSecured(404, 409)
  async notified(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordNotificationDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<IncidentView> {
    return this.view(await this.incidents.recordNotification(id, dto, actor));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Close the incident (one never notified needs a reason)' })
  @ApiSecured(404, 409)
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseIncidentDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<IncidentView> {
    return this.view(await this.incidents.close(id, dto, actor));
  }

  @Get(':id/notification-draft')
  @Roles('supervisor')
  @ApiOperation({ summary: 'The notification to the authority (A05), assembled in Vietnamese' })
  @ApiSecured(404)
  draft(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: AgentActor,
  ): Promise<NotificationDraftView> {
    return this.incidents.draft(id, actor);
  }

  private view(row: Incident): IncidentView {
    return toIncidentView(row, this.incidents.deadlines(row));
  }
}
