import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiSecured } from '../../common/http/api-errors.decorator.js';
import {
  InboundMailView,
  IntakeReportView,
  ListInboundMailQuery,
  toInboundMailView,
} from './dto/inbound-mail.dto.js';
import {
  ConnectionTestView,
  CreateMailboxDto,
  MailboxView,
  toMailboxView,
  UpdateMailboxDto,
} from './dto/mailbox.dto.js';
import { InboundMailService } from './inbound-mail.service.js';
import { MailboxesService } from './mailboxes.service.js';
import { MailIntakeJob } from './mail-intake.job.js';

@ApiTags('admin: mail intake')
@Controller('api/v1/admin')
@Roles('admin')
export class MailIntakeController {
  constructor(
    private readonly inbound: InboundMailService,
    private readonly mailboxes: MailboxesService,
    private readonly intake: MailIntakeJob,
  ) {}

  @Get('inbound-mail')
  @ApiOperation({
    summary: 'What intake did with each mail: stored, processed, ignored (reason) or failed (error)',
  })
  @ApiSecured()
  async list(@Query() query: ListInboundMailQuery): Promise<InboundMailView[]> {
    return (await this.inbound.list(query.state, query.limit)).map(toInboundMailView);
  }

  @Get('inbound-mail/:id')
  @ApiOperation({ summary: 'One inbound mail record' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<InboundMailView> {
    return toInboundMailView(await this.inbound.get(id));
  }

  @Post('inbound-mail/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Process a failed mail again' })
  @ApiSecured(404, 409)
  async retry(@Param('id', ParseUUIDPipe) id: string): Promise<InboundMailView> {
    await this.inbound.requeue(id);
    await this.intake.runOnce();
    return toInboundMailView(await this.inbound.get(id));
  }

  @Post('mail-intake/run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fetch and process mail now; 409 if another instance is at it' })
  @ApiSecured(409)
  async run(): Promise<IntakeReportView> {
    const report = await this.intake.runOnce();
    return (
      report ?? { stored: 0, duplicates: 0, tickets: 0, threaded: 0, ignored: 0, failed: 0, mailboxErrors: 0 }
    );
  }

  @Get('mailboxes')
  @ApiOperation({ summary: 'Mailboxes the desk reads (passwords never shown)' })
  @ApiSecured()
  async mailboxesList(): Promise<MailboxView[]> {
    return (await this.mailboxes.list()).map(toMailboxView);
  }

  @Post('mailboxes')
  @ApiOperation({ summary: 'Add a mailbox; the password is stored encrypted' })
  @ApiSecured(404, 409, 422)
  async createMailbox(@Body() dto: CreateMailboxDto): Promise<MailboxView> {
    return toMailboxView(await this.mailboxes.create(dto));
  }

  @Patch('mailboxes/:id')
  @ApiOperation({ summary: 'Change a mailbox (not the one from IMAP_URL)' })
  @ApiSecured(404, 409, 422)
  async updateMailbox(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMailboxDto,
  ): Promise<MailboxView> {
    return toMailboxView(await this.mailboxes.update(id, dto));
  }

  @Post('mailboxes/:id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the mailbox and open its folder' })
  @ApiSecured(404)
  testConnection(@Param('id', ParseUUIDPipe) id: string): Promise<ConnectionTestView> {
    return this.mailboxes.testConnection(id);
  }
}
