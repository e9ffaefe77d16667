import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { CannedResponsesService } from './canned-responses.service.js';
import {
  CannedResponseView,
  SaveCannedResponseDto,
  toCannedResponseView,
  UpdateCannedResponseDto,
} from './dto/canned-response.dto.js';

@ApiTags('canned responses')
@Controller('api/v1/canned-responses')
export class CannedResponsesController {
  constructor(private readonly responses: CannedResponsesService) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ summary: 'Canned responses, by language and title' })
  @ApiSecured()
  async list(): Promise<CannedResponseView[]> {
    return (await this.responses.list(false)).map(toCannedResponseView);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a canned response' })
  @ApiSecured()
  async create(
    @Body() dto: SaveCannedResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CannedResponseView> {
    return toCannedResponseView(await this.responses.create(dto, actor));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace a canned response (or switch it off with isActive: false)' })
  @ApiSecured(404, 409)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCannedResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CannedResponseView> {
    return toCannedResponseView(await this.responses.update(id, dto, actor));
  }
}
