import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  AddNoteDto,
  CreateTicketDto,
  ListTicketsQuery,
  MergeTicketDto,
  RecordCustomerMessageDto,
  ReplyToTicketDto,
  UpdateTicketDto,
} from './dto/ticket.dto.js';
import { MessageView, TicketDetailView, TicketEventView, TicketPage, TicketView } from './dto/ticket.view.js';
import { TicketMergeService } from './ticket-merge.service.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { TicketsService } from './tickets.service.js';

class MergedTicketsView {
  @ApiProperty({ type: TicketView, description: 'The duplicate, now merged' }) source: TicketView;
  @ApiProperty({ type: TicketView }) target: TicketView;
}

class MessageAddedView {
  @ApiProperty({ type: TicketView }) ticket: TicketView;
  @ApiProperty({ type: MessageView }) message: MessageView;
}

type AgentActor = Actor & { type: 'agent' };

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly thread: TicketThreadService,
    private readonly merges: TicketMergeService,
  ) {}

  @Post()
  @ApiOperation({ summary: "Open a ticket on a customer's behalf, with their first message" })
  @ApiSecured(404, 422)
  create(@Body() dto: CreateTicketDto, @CurrentActor() actor: Actor): Promise<TicketDetailView> {
    return this.tickets.create(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'List tickets, newest first, with filters and cursor pagination' })
  @ApiSecured(422)
  list(@Query() query: ListTicketsQuery, @CurrentActor() actor: Actor): Promise<TicketPage> {
    return this.tickets.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket with its thread; audited' })
  @ApiSecured(404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<TicketDetailView> {
    return this.tickets.get(id, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change state, priority, queue, assignee, category, booking reference or tags' })
  @ApiSecured(404, 409, 422)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTicketDto,
    @CurrentActor() actor: Actor,
  ): Promise<TicketView> {
    return this.tickets.update(id, dto, actor);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge this duplicate into another ticket of the same customer' })
  @ApiSecured(404, 409, 422)
  merge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergeTicketDto,
    @CurrentActor() actor: Actor,
  ): Promise<MergedTicketsView> {
    return this.merges.merge(id, dto, actor);
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The ticket's history: every change, who made it and when" })
  @ApiSecured(404)
  events(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<TicketEventView[]> {
    return this.tickets.events(id, actor);
  }

  @Post(':id/replies')
  @ApiOperation({ summary: 'Reply to the customer' })
  @ApiSecured(404, 409, 422)
  reply(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplyToTicketDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<MessageAddedView> {
    return this.thread.reply(id, dto, actor);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add an internal note (never shown to the customer)' })
  @ApiSecured(404, 409, 422)
  addNote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddNoteDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<MessageAddedView> {
    return this.thread.addNote(id, dto, actor);
  }

  @Post(':id/customer-messages')
  @ApiOperation({
    summary: "Record the customer's message taken by phone or in person; reopens a resolved ticket",
  })
  @ApiSecured(404, 409, 422)
  recordCustomerMessage(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordCustomerMessageDto,
    @CurrentActor() actor: Actor,
  ): Promise<MessageAddedView> {
    return this.thread.recordCustomerMessage(id, dto, actor);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment' })
  @ApiSecured(404)
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const { attachment, bytes } = await this.tickets.attachment(id, attachmentId, actor);
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(bytes, {
      type: attachment.contentType,
      length: bytes.length,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    });
  }
}
