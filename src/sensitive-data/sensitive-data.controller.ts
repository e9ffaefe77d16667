import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { MessageView } from '../tickets/dto/ticket.view.js';
import { UnmaskMessageDto } from './dto/unmask-message.dto.js';
import { SensitiveDataService } from './sensitive-data.service.js';

@ApiTags('sensitive data')
@Controller('api/v1/tickets')
export class SensitiveDataController {
  constructor(private readonly sensitiveData: SensitiveDataService) {}

  @Post(':id/messages/:messageId/unmask')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({
    summary: 'A message with its card, citizen ID and passport numbers in full; needs a reason; audited',
    description: 'For supervisors, admins and agents with the sensitive-data permission.',
  })
  @ApiSecured(404)
  unmask(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('messageId', ParseUUIDPipe) messageId: string,
    @Body() dto: UnmaskMessageDto,
    @CurrentActor() actor: Actor,
  ): Promise<MessageView> {
    return this.sensitiveData.unmask(id, messageId, dto, actor);
  }
}
