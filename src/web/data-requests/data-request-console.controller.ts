import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentActor, CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { Clock } from '../../common/clock.js';
import { DomainError, InvalidInput } from '../../common/errors/domain-error.js';
import { formatLocal } from '../../common/time.js';
import {
  DATA_REQUEST_CHANNELS,
  DATA_REQUEST_TYPES,
  deadlineDay,
} from '../../data-requests/data-request.rules.js';
import { DataRequestFulfilmentService } from '../../data-requests/data-request-fulfilment.service.js';
import { DataRequestsService } from '../../data-requests/data-requests.service.js';
import {
  CloseDataRequestDto,
  CorrectCustomerDataDto,
  DataRequestVersionDto,
  ExtendDataRequestDto,
  FileDataRequestDto,
  toDataRequestView,
  WithdrawConsentDto,
} from '../../data-requests/dto/data-request.dto.js';
import { CONSENT_PURPOSES } from '../../consent/consent.rules.js';
import { CustomersService } from '../../customers/customers.service.js';
import { dtoProblems, listOf, textOf, type PostedForm } from '../admin-rules/admin-form.js';
import { PageResponder, agentLanguage } from '../page-responder.js';

type AgentActor = Actor & { type: 'agent' };
type Action = 'extend' | 'complete' | 'refuse' | 'correct' | 'withdraw-consent' | 'erase';
const ACTIONS: readonly string[] = ['extend', 'complete', 'refuse', 'correct', 'withdraw-consent', 'erase'];

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Data-subject requests in the console: the list by deadline, one request with its actions, filing on a ticket. */
@ApiExcludeController()
@Controller('console')
export class DataRequestConsoleController {
  constructor(
    private readonly requests: DataRequestsService,
    private readonly fulfilment: DataRequestFulfilmentService,
    private readonly customers: CustomersService,
    private readonly respond: PageResponder,
    private readonly clock: Clock,
  ) {}

  @Get('data-requests')
  @Roles('agent')
  async list(
    @Query('state') state: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    const closed = state === 'closed';
    const rows = await this.requests.list({ state: closed ? 'closed' : 'open', limit: 200 });
    const now = this.clock.now();
    this.respond.consolePage(
      req,
      res,
      200,
      'data-requests/list',
      { agent, closed, requests: rows.map((row) => toDataRequestView(row, now)), ...this.dates(agent) },
      agentLanguage(agent),
    );
  }

  @Get('data-requests/:id')
  @Roles('agent')
  async show(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    await this.render(req, res, id, actor, agent, 200, { saved: req.query.saved === '1' });
  }

  @Post('tickets/:ticketId/data-requests')
  @Roles('agent')
  async file(
    @Param('ticketId', ParseUUIDPipe) ticketId: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    const form = req.body as PostedForm;
    const dto = {
      type: textOf(form, 'type'),
      channel: textOf(form, 'channel'),
      ...(textOf(form, 'details') ? { details: textOf(form, 'details') } : {}),
    };
    try {
      const problems = await dtoProblems(FileDataRequestDto, dto);
      if (problems.length > 0) throw new InvalidInput(problems);
      const filed = await this.requests.file(ticketId, dto as FileDataRequestDto, actor);
      res.redirect(303, `/console/data-requests/${filed.id}?saved=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.redirect(
        303,
        `/console/tickets/${ticketId}?dataRequestRefused=${encodeURIComponent(reasonOf(error))}`,
      );
    }
  }

  @Post('data-requests/:id/:action')
  @Roles('agent')
  async act(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('action') action: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: AgentActor,
    @CurrentAgent() agent: Agent,
  ) {
    if (!this.respond.isGenuine(req)) return this.respond.refuseForgery(req, res, agentLanguage(agent));
    if (!ACTIONS.includes(action))
      return this.respond.message(
        req,
        res,
        404,
        'error.pageTitle',
        'dataRequest.console.notFound',
        agentLanguage(agent),
      );
    const form = req.body as PostedForm;
    try {
      await this.perform(id, action as Action, form, actor);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = error.kind === 'conflict' ? 409 : error.kind === 'forbidden' ? 403 : 400;
      return this.render(req, res, id, actor, agent, status, { refused: reasonOf(error), form });
    }
    res.redirect(303, `/console/data-requests/${id}?saved=1`);
  }

  private async perform(id: string, action: Action, form: PostedForm, actor: AgentActor) {
    const version = Number(textOf(form, 'version'));
    const checked = async <T extends object>(dto: new () => T, body: object): Promise<T> => {
      const problems = await dtoProblems(dto, body);
      if (problems.length > 0) throw new InvalidInput(problems);
      return body as T;
    };
    if (action === 'extend')
      return this.requests.extend(
        id,
        await checked(ExtendDataRequestDto, { version, reason: textOf(form, 'reason') }),
        actor,
      );
    if (action === 'erase')
      return this.fulfilment.erase(id, await checked(DataRequestVersionDto, { version }), actor);
    if (action === 'withdraw-consent')
      return this.fulfilment.withdrawConsent(
        id,
        await checked(WithdrawConsentDto, { version, purposes: listOf(form, 'purposes') }),
        actor,
      );
    if (action === 'correct') {
      const customer = {
        version: Number(textOf(form, 'customerVersion')),
        reason: textOf(form, 'reason'),
        ...(textOf(form, 'displayName') ? { displayName: textOf(form, 'displayName') } : {}),
        ...(textOf(form, 'emails') ? { emails: lines(textOf(form, 'emails')) } : {}),
        ...(textOf(form, 'phones') ? { phones: lines(textOf(form, 'phones')) } : {}),
      };
      return this.fulfilment.correct(id, await checked(CorrectCustomerDataDto, { version, customer }), actor);
    }
    const dto = await checked(CloseDataRequestDto, { version, outcome: textOf(form, 'outcome') });
    return action === 'complete'
      ? this.requests.complete(id, dto, actor)
      : this.requests.refuse(id, dto, actor);
  }

  private async render(
    req: Request,
    res: Response,
    id: string,
    actor: AgentActor,
    agent: Agent,
    status: number,
    extra: Record<string, unknown>,
  ) {
    const request = await this.requests.get(id, actor);
    const customer = request.type === 'correct' ? await this.customers.get(request.customerId, actor) : null;
    this.respond.consolePage(
      req,
      res,
      status,
      'data-requests/request-console',
      {
        agent,
        request: toDataRequestView(request, this.clock.now()),
        customer,
        types: DATA_REQUEST_TYPES,
        purposes: CONSENT_PURPOSES,
        channels: DATA_REQUEST_CHANNELS,
        ...this.dates(agent),
        ...extra,
      },
      agentLanguage(agent),
    );
  }

  /** Times in the agent's zone; deadlines as their last day. */
  private dates(agent: Agent) {
    return {
      at: (value: Date | null) => (value ? formatLocal(new Date(value), agent.timeZone) : ''),
      day: (value: Date) => deadlineDay(new Date(value), agent.timeZone),
    };
  }
}

function reasonOf(error: DomainError): string {
  if (error instanceof InvalidInput)
    return error.errors.map(({ field, reason }) => `${field}: ${reason}`).join('; ');
  return error.message;
}
