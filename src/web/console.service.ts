import { DATA_REQUEST_CHANNELS, DATA_REQUEST_TYPES } from '../data-requests/data-request.rules.js';
import { DataRequestsService } from '../data-requests/data-requests.service.js';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../auth/actor.js';
import type { Agent } from '../auth/agent.entity.js';
import { AgentsService } from '../auth/agents.service.js';
import { hasRole } from '../auth/role.js';
import { AuthService } from '../auth/auth.service.js';
import { CannedResponsesService } from '../canned-responses/canned-responses.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { QueueWorkService } from '../queue-work/queue-work.service.js';
import { QueuesService } from '../queues/queues.service.js';
import type { AttachmentFile } from '../tickets/attachments.service.js';
import type { PresenceActivity } from '../tickets/ticket-presence.entity.js';
import { TicketPresenceService } from '../tickets/ticket-presence.service.js';
import { TicketThreadService } from '../tickets/ticket-thread.service.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { ConsentService } from '../consent/consent.service.js';
import { toConsentHistoryView } from '../consent/dto/consent.dto.js';
import { CustomersService } from '../customers/customers.service.js';
import { toCustomerView } from '../customers/dto/customer.view.js';
import type { ListTicketsQuery, UpdateTicketDto } from '../tickets/dto/ticket.dto.js';
import { formatVnd } from '../compensation/compensation.rules.js';
import { CancellationPagesService } from './policy-pages/cancellation-pages.service.js';
import { CompensationPagesService } from './policy-pages/compensation-pages.service.js';
import { TransactionCasePagesService } from './policy-pages/transaction-case-pages.service.js';
import { LegalHoldsPagesService } from './privacy-pages/legal-holds-pages.service.js';
import { type QueueFilters, toQueuePageQuery } from './queue-filters.js';

type AgentActor = Actor & { type: 'agent' };

/** What the console shows and does, through the same services as the API (scoping and audit included). */
@Injectable()
export class ConsoleService {
  constructor(
    private readonly queues: QueuesService,
    private readonly queueWork: QueueWorkService,
    private readonly tickets: TicketsService,
    private readonly thread: TicketThreadService,
    private readonly auth: AuthService,
    private readonly agents: AgentsService,
    private readonly customers: CustomersService,
    private readonly consent: ConsentService,
    private readonly canned: CannedResponsesService,
    private readonly presence: TicketPresenceService,
    private readonly dataRequests: DataRequestsService,
    private readonly transactionCasePages: TransactionCasePagesService,
    private readonly compensationPages: CompensationPagesService,
    private readonly cancellationPages: CancellationPagesService,
    private readonly legalHoldPages: LegalHoldsPagesService,
  ) {}

  /** The agent's queues with their open counts (kept by the counts table, never counted per request). */
  async sidebar(actor: AgentActor, queueId: string | undefined) {
    const queues = await this.queues.counts(await this.queues.workableQueueIds(actor));
    return { queues, current: queues.find((queue) => queue.queueId === queueId) ?? queues[0] ?? null };
  }

  /** The sidebar, one queue's tickets as filtered (soonest due first unless asked otherwise), and the filters' choices. */
  async queuePage(actor: AgentActor, queueId: string | undefined, filters: QueueFilters) {
    const { queues, current } = await this.sidebar(actor, queueId);
    const [page, categories] = await Promise.all([
      current
        ? this.queueWork.page(current.queueId, toQueuePageQuery(filters, actor.id), actor)
        : { items: [], nextCursor: null },
      this.tickets.categories(),
    ]);
    return { queues, current, tickets: page.items, nextCursor: page.nextCursor, categories };
  }

  /**
   * The ticket (read audited), what the controls offer, its customer's record (read audited), the canned
   * responses in the ticket's language first, a reply drafted from one of them when asked, and the other
   * agents on the ticket now (opening it counts as viewing it), its transaction cases, compensation and
   * cancellations, and the legal holds keeping its customer's data.
   */
  async ticket(id: string, actor: AgentActor, agent: Agent, cannedId?: string) {
    const ticket = await this.tickets.get(id, actor);
    const [
      queues,
      categories,
      customer,
      consents,
      others,
      canned,
      present,
      dataRequests,
      transactionCases,
      compensations,
      cancellations,
      legalHolds,
    ] = await Promise.all([
      this.queues.list(),
      this.tickets.categories(),
      this.customers.get(ticket.customer.id, actor),
      this.consent.history(ticket.customer.id, actor),
      this.tickets.list({ customerId: ticket.customer.id, limit: 20 } as ListTicketsQuery, actor),
      this.canned.list(true),
      this.present(id, 'viewing', actor),
      this.dataRequests.listForTicket(id, actor),
      this.transactionCasePages.forTicket(id, actor),
      this.compensationPages.forTicket(id, actor),
      this.cancellationPages.forTicket(id, actor),
      this.legalHoldPages.forTicket(id, ticket.customer.id),
    ]);
    const draft = cannedId
      ? await this.canned.filled(cannedId, {
          customerName: ticket.customer.displayName,
          ticketNumber: ticket.displayNumber,
          agentName: agent.displayName,
        })
      : '';
    return {
      ticket,
      queues: queues.filter(({ queue }) => queue.isActive).map(({ queue }) => queue),
      categories,
      customer: toCustomerView(customer),
      consents: toConsentHistoryView(consents),
      otherTickets: others.items.filter((other) => other.id !== id),
      cannedResponses: [...canned].sort(
        (a, b) => Number(b.language === ticket.language) - Number(a.language === ticket.language),
      ),
      draft,
      present,
      dataRequests,
      dataRequestTypes: DATA_REQUEST_TYPES,
      dataRequestChannels: DATA_REQUEST_CHANNELS,
      ...transactionCases,
      ...compensations,
      ...cancellations,
      ...legalHolds,
      // Everyone on the ticket sees that data is held; placing and releasing are the supervisors' (and admins').
      placesLegalHolds: hasRole(agent.role, 'supervisor'),
      vnd: formatVnd,
      // The policy reviews online-payment incidents case by case for compensation.
      offersCompensation:
        compensations.compensations.length > 0 ||
        transactionCases.transactionCases.some((row) => row.kind === 'payment_incident'),
    };
  }

  /** A heartbeat of this agent on the ticket; answers with the other agents there. */
  async present(id: string, activity: PresenceActivity, actor: AgentActor) {
    const present = await this.presence.heartbeat(id, activity, actor);
    return present.filter((other) => other.agentId !== actor.id);
  }

  /** Tickets whose subject, number or booking reference has the words, tone marks optional. */
  async search(text: string, actor: AgentActor) {
    if (text.trim().length < 2) return [];
    return (await this.tickets.list({ text: text.trim(), limit: 50 } as ListTicketsQuery, actor)).items;
  }

  /** Claims the most urgent unassigned ticket of the queue; null when nothing waits. */
  async next(queueId: string, actor: AgentActor) {
    return (await this.queueWork.claimNext(queueId, actor)).ticket;
  }

  update(id: string, dto: UpdateTicketDto, actor: AgentActor) {
    return this.tickets.update(id, dto, actor);
  }

  /** A reply, refused (TicketChanged) when the ticket changed since the agent opened it. */
  reply(id: string, body: string, version: number | undefined, files: AttachmentFile[], actor: AgentActor) {
    return this.thread.reply(id, { body, version, attachments: asUploads(files) }, actor);
  }

  note(id: string, body: string, files: AttachmentFile[], actor: AgentActor) {
    return this.thread.addNote(id, { body, attachments: asUploads(files) }, actor);
  }

  attachment(id: string, attachmentId: string, actor: AgentActor) {
    return this.tickets.attachment(id, attachmentId, actor);
  }

  setLanguage(agent: Agent, language: 'vi' | 'en') {
    return this.agents.update(agent.id, { language }, { type: 'agent', id: agent.id, role: agent.role });
  }

  /** Null when the password changed; else why not. */
  async changePassword(req: Request, agent: Agent, current: string, next: string): Promise<string | null> {
    if (next.length < 12) return 'new password: at least 12 characters';
    try {
      await this.auth.changePassword(
        agent,
        current,
        next,
        (req as { accessTokenId?: string }).accessTokenId ?? '',
      );
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
  }

  async signOut(req: Request, agent: Agent): Promise<void> {
    const tokenId = (req as { accessTokenId?: string }).accessTokenId;
    if (tokenId) await this.auth.logout(agent, tokenId);
  }
}

const asUploads = (files: AttachmentFile[]) =>
  files.map((file) => ({
    fileName: file.fileName,
    contentType: file.contentType,
    contentBase64: file.bytes.toString('base64'),
  }));
