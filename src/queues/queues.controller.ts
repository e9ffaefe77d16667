import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  CreateQueueDto,
  QueueCountsView,
  QueueView,
  SetQueueMembersDto,
  toQueueView,
  UpdateQueueDto,
} from './dto/queue.dto.js';
import { QueuesService } from './queues.service.js';

@ApiTags('queues')
@Controller('api/v1/queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @ApiOperation({ summary: 'All queues with their members' })
  @ApiSecured()
  async list(): Promise<QueueView[]> {
    return (await this.queues.list()).map(({ queue, memberIds }) => toQueueView(queue, memberIds));
  }

  @Get('counts')
  @ApiOperation({ summary: 'Sidebar counts per queue and state (your queues, for agents)' })
  @ApiSecured()
  async counts(@CurrentActor() actor: Actor): Promise<QueueCountsView[]> {
    return this.queues.counts(await this.queues.workableQueueIds(actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One queue' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<QueueView> {
    const { queue, memberIds } = await this.queues.get(id);
    return toQueueView(queue, memberIds);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a queue' })
  @ApiSecured(409)
  async create(@Body() dto: CreateQueueDto, @CurrentActor() actor: Actor): Promise<QueueView> {
    const { queue, memberIds } = await this.queues.create(dto, actor);
    return toQueueView(queue, memberIds);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, describe, (de)activate or make default' })
  @ApiSecured(404, 409, 422)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateQueueDto,
    @CurrentActor() actor: Actor,
  ): Promise<QueueView> {
    const { queue, memberIds } = await this.queues.update(id, dto, actor);
    return toQueueView(queue, memberIds);
  }

  @Put(':id/members')
  @Roles('admin')
  @ApiOperation({ summary: "Replace the queue's members" })
  @ApiSecured(404, 422)
  async setMembers(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetQueueMembersDto,
    @CurrentActor() actor: Actor,
  ): Promise<QueueView> {
    const { queue, memberIds } = await this.queues.setMembers(id, dto.agentIds, actor);
    return toQueueView(queue, memberIds);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a queue no ticket ever used (otherwise deactivate it)' })
  @ApiSecured(404, 409)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.queues.remove(id, actor);
  }
}
