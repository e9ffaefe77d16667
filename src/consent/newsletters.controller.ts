import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { NewsletterSendView, SendNewsletterDto, toNewsletterSendView } from './dto/consent.dto.js';
import { NewslettersService } from './newsletters.service.js';

@ApiTags('consent')
@Controller('api/v1/newsletters')
export class NewslettersController {
  constructor(private readonly newsletters: NewslettersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Send an issue to every customer whose newsletter consent stands (not anonymised, address not bounced)',
  })
  @ApiSecured()
  async send(
    @Body() dto: SendNewsletterDto,
    @CurrentActor() actor: Actor & { type: 'agent' },
  ): Promise<NewsletterSendView> {
    return toNewsletterSendView(await this.newsletters.send(dto, actor));
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Newsletter sends, latest first, with who sent them and how many mails' })
  @ApiSecured()
  async list(): Promise<NewsletterSendView[]> {
    return (await this.newsletters.list()).map(toNewsletterSendView);
  }
}
