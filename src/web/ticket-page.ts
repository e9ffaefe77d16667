import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor.js';
import type { Agent } from '../auth/agent.entity.js';
import { formatLocal } from '../common/time.js';
import { ConsoleService } from './console.service.js';
import { PageResponder, agentLanguage } from './page-responder.js';

type AgentActor = Actor & { type: 'agent' };

/** What the ticket page shows beside the ticket: a problem or refusal, with the status, and what was typed kept. */
export interface TicketPageShown {
  status: number;
  problem: string | null;
  reason?: string;
  canned?: string;
  draft?: string;
  noteDraft?: string;
  dataRequestRefused?: string;
  caseRefused?: string;
  compensationRefused?: string;
  cancellationRefused?: string;
  holdRefused?: string;
  typedHold?: { reason: string; reference: string };
  typedRelease?: { holdId: string; reason: string };
}

/** Sends the ticket page, for its own route and for the section forms that answer on it when refused. */
@Injectable()
export class TicketPage {
  constructor(
    private readonly console: ConsoleService,
    private readonly respond: PageResponder,
  ) {}

  async show(
    req: Request,
    res: Response,
    id: string,
    agent: Agent,
    actor: AgentActor,
    shown: TicketPageShown,
  ) {
    const { status, canned, ...kept } = shown;
    const page = await this.console.ticket(id, actor, agent, canned);
    const at = (when: string) => formatLocal(new Date(when), agent.timeZone);
    const data = { ...page, ...kept, draft: kept.draft ?? page.draft, shown: at, agent };
    this.respond.consolePage(req, res, status, 'console/ticket', data, agentLanguage(agent));
  }
}
