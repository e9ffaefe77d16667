import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { NotFound } from '../common/errors/domain-error.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { NewsletterSendView, SendNewsletterDto, toNewsletterSendView } from './dto/consent.dto.js';
import { NewslettersService } from './newsletters.service.js';

@ApiTags('consent')
@Controller('api/v1/newsletters')
export class NewslettersController {
  constructor(private readonly newsletters: NewslettersService) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Send a newsletter issue or marketing mail (purpose) to every customer whose consent to that purpose ' +
      'stands (not anonymised, not restricted, address not bounced); the send job writes the mails in ' +
      'batches, follow it with GET',
  })
  @ApiSecured()
  async send(
    @Body() dto: SendNewsletterDto,
    @CurrentActor() actor: Actor & { type: 'agent' },
  ): Promise<NewsletterSendView> {
    return toNewsletterSendView(await this.newsletters.start(dto, actor));
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Newsletter sends, latest first, with who sent them and how many mails' })
  @ApiSecured()
  async list(): Promise<NewsletterSendView[]> {
    return (await this.newsletters.list()).map(toNewsletterSendView);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One newsletter send and its progress' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<NewsletterSendView> {
    const row = await this.newsletters.get(id);
    if (!row) throw new NotFound('newsletter send', id);
    return toNewsletterSendView(row);
  }
}
