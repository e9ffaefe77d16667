import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor.js';
import { CurrentActor, Roles } from '../../auth/auth.decorators.js';
import { ApiSecured } from '../../common/http/api-errors.decorator.js';
import {
  ListOutboxQuery,
  MailTemplateView,
  OutboxMessageView,
  toMailTemplateView,
  toOutboxMessageView,
  UpdateMailTemplateDto,
} from './dto/outbox.dto.js';
import { MailTemplatesService } from './mail-templates.service.js';
import { OutboxService } from './outbox.service.js';

@ApiTags('admin: outgoing mail')
@Controller('api/v1/admin')
@Roles('admin')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly templates: MailTemplatesService,
  ) {}

  @Get('outbox')
  @ApiOperation({ summary: 'Outgoing mail, newest first; state=failed lists what needs attention' })
  @ApiSecured()
  async list(@Query() query: ListOutboxQuery): Promise<OutboxMessageView[]> {
    return (await this.outbox.list(query.state, query.limit)).map(toOutboxMessageView);
  }

  @Post('outbox/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue a failed mail again' })
  @ApiSecured(404, 409)
  async retry(@Param('id', ParseUUIDPipe) id: string): Promise<OutboxMessageView> {
    return toOutboxMessageView(await this.outbox.retry(id));
  }

  @Get('mail-templates')
  @ApiOperation({ summary: 'Texts of automatic mail, per language' })
  @ApiSecured()
  async templatesList(): Promise<MailTemplateView[]> {
    return (await this.templates.list()).map(toMailTemplateView);
  }

  @Put('mail-templates/:key/:language')
  @ApiOperation({ summary: 'Edit an automatic mail text' })
  @ApiSecured(404)
  async updateTemplate(
    @Param('key') key: string,
    @Param('language') language: string,
    @Body() dto: UpdateMailTemplateDto,
    @CurrentActor() actor: Actor,
  ): Promise<MailTemplateView> {
    return toMailTemplateView(await this.templates.update(key, language, dto, actor));
  }
}
