import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor.js';
import type { Agent } from '../auth/agent.entity.js';
import { AgentsService } from '../auth/agents.service.js';
import { AgentEmailTaken } from '../auth/auth.errors.js';
import { newOneTimePassword } from '../auth/credentials.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { SlaClocksService } from '../sla/sla-clocks.service.js';
import { TicketSlaClock } from '../sla/ticket-sla-clock.entity.js';
import { TicketThreadService } from '../tickets/ticket-thread.service.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';
import {
  DEMO_AGENTS,
  DEMO_CUSTOMERS,
  DEMO_TICKETS,
  type DemoAgentKey,
  type DemoCustomerKey,
  type DemoTicket,
} from './demo-desk.data.js';
import { moveOntoDemoTimeline } from './demo-timeline.js';
import { demoSchedule, type DemoEvent, type TimeMark } from './demo-timeline.rules.js';

type DemoStaff = Record<DemoAgentKey, { agent: Agent; password: string }>;

/**
 * With DEMO on, fills an empty desk once with sample customers and tickets, played through intake and the
 * ticket services as if they had arrived over the last ten days, and prints the two demo agents' one-time
 * passwords to the console (never to the structured log), as AdminBootstrapService does for the admin.
 */
@Injectable()
export class DemoDeskService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDeskService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly queues: QueuesService,
    private readonly customers: CustomersService,
    private readonly intake: IntakeService,
    private readonly tickets: TicketsService,
    private readonly thread: TicketThreadService,
    private readonly sla: SlaClocksService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const staff = await this.createStaff();
    if (!staff) {
      this.logger.log('demo desk already loaded; nothing added');
      return;
    }
    try {
      await this.load(staff);
    } catch (error) {
      this.logger.error(
        { err: error },
        'demo desk only partly loaded; start with DEMO=1 on an empty database',
      );
      throw error;
    }
    this.logger.log(
      { agentIds: [staff.care.agent.id, staff.supervisor.agent.id], tickets: DEMO_TICKETS.length },
      'demo desk loaded',
    );
    process.stdout.write(
      [
        '',
        `  Offtrack Care: the demo desk was loaded (${Object.keys(DEMO_CUSTOMERS).length} customers, ${DEMO_TICKETS.length} tickets).`,
        ...Object.values(staff).flatMap(({ agent, password }) => [
          `    ${agent.role}: ${agent.displayName}`,
          `      e-mail:             ${agent.email}`,
          `      one-time password:  ${password}`,
        ]),
        `  Sign in at ${this.config.publicUrl}/console/sign-in, then choose a new password.`,
        '',
        '',
      ].join('\n'),
    );
  }

  /**
   * The demo agents, members of every queue; null when the demo supervisor already exists: the desk was
   * loaded before, or another instance starting at the same moment is loading it (its e-mail is unique).
   */
  private async createStaff(): Promise<DemoStaff | null> {
    const staff: Partial<DemoStaff> = {};
    for (const key of ['supervisor', 'care'] as const) {
      const password = newOneTimePassword();
      try {
        staff[key] = {
          agent: await this.agents.create({ ...DEMO_AGENTS[key], initialPassword: password }, SYSTEM_ACTOR),
          password,
        };
      } catch (error) {
        if (key === 'supervisor' && error instanceof AgentEmailTaken) return null;
        throw error;
      }
    }
    const ids = [staff.supervisor!.agent.id, staff.care!.agent.id];
    for (const { queue, memberIds } of await this.queues.list()) {
      await this.queues.setMembers(queue.id, [...new Set([...memberIds, ...ids])], SYSTEM_ACTOR);
    }
    return staff as DemoStaff;
  }

  /** Plays every event in the order it happened, then moves what was written onto the demo's timeline. */
  private async load(staff: DemoStaff): Promise<void> {
    const ticketIds: string[] = [];
    const customerIds = new Map<DemoCustomerKey, string>();
    const marks: TimeMark[] = [];
    let finished = 0;
    for (const event of demoSchedule(DEMO_TICKETS, this.clock.now())) {
      marks.push({ real: await this.millisecondAfter(finished), shown: event.at.getTime() });
      await this.play(event, staff, ticketIds, customerIds);
      finished = this.clock.now().getTime();
    }
    const loadedAt = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await moveOntoDemoTimeline(em, marks, loadedAt, {
        tickets: ticketIds,
        customers: [...customerIds.values()],
      });
      const tickets = await em.find(Ticket, { where: { id: In(ticketIds) } });
      const clocks = await em.find(TicketSlaClock, { where: { ticketId: In(ticketIds) } });
      await this.sla.retime(em, tickets, clocks, await this.sla.firedSteps(em, clocks), this.clock.now());
    });
  }

  /** Each event starts on a millisecond of its own, so every time it writes tells which event wrote it. */
  private async millisecondAfter(previous: number): Promise<number> {
    for (let waited = 0; waited < 1000; waited++) {
      const now = this.clock.now().getTime();
      if (now > previous) return now;
      await sleep(1);
    }
    throw new Error('the demo desk needs a clock that moves (a fixed test clock cannot load it)');
  }

  private async play(
    { ticketIndex, step }: DemoEvent,
    staff: DemoStaff,
    ticketIds: string[],
    customerIds: Map<DemoCustomerKey, string>,
  ): Promise<void> {
    const demo = DEMO_TICKETS[ticketIndex];
    if (!step) {
      ticketIds[ticketIndex] = await this.file(demo, customerIds);
      return;
    }
    const id = ticketIds[ticketIndex];
    if ('customerWrites' in step) return this.customerWrites(id, demo, step.customerWrites);
    const agent = staff[step.by].agent;
    const actor = { type: 'agent', id: agent.id, role: agent.role } as const;
    if ('note' in step) await this.thread.addNote(id, { body: step.note }, actor);
    if ('reply' in step) {
      await this.claim(id, actor);
      await this.thread.reply(id, { body: step.reply, nextState: step.nextState }, actor);
    }
    if ('state' in step)
      await this.tickets.update(id, { version: await this.versionOf(id), state: step.state }, actor);
  }

  /** The complaint as the mail intake or the web form would file it, from a customer with full details. */
  private async file(demo: DemoTicket, customerIds: Map<DemoCustomerKey, string>): Promise<string> {
    const customer = DEMO_CUSTOMERS[demo.customer];
    if (!customerIds.has(demo.customer)) {
      const { displayName, email, phone, ...details } = customer;
      const record = await this.customers.create(
        { displayName, emails: [email], phones: [phone], preferredLanguage: customer.language, ...details },
        SYSTEM_ACTOR,
      );
      customerIds.set(demo.customer, record.customer.id);
    }
    const byMail = demo.channel === 'email';
    return this.dataSource.transaction(async (em) => {
      const filed = await this.intake.file(
        em,
        {
          channel: demo.channel,
          from: { address: customer.email, name: customer.displayName },
          subject: demo.subject,
          text: demo.text,
          html: null,
          files: [],
          queueId: (await this.queues.defaultQueue(em)).id,
          language: byMail ? undefined : customer.language,
          chosen: byMail || demo.category === 'general' ? undefined : { categoryKey: demo.category },
          mail: byMail ? this.mailFacts(customer.email) : undefined,
        },
        SYSTEM_ACTOR,
      );
      return filed.ticket.id;
    });
  }

  private customerWrites(id: string, demo: DemoTicket, body: string): Promise<void> {
    const address = DEMO_CUSTOMERS[demo.customer].email;
    return this.dataSource.transaction(async (em) => {
      const ticket = await this.tickets.load(em, id);
      const mail = demo.channel === 'email' ? this.mailFacts(address) : undefined;
      await this.thread.addCustomerMail(
        em,
        ticket,
        { direction: 'inbound', authorType: 'customer', body, mail },
        SYSTEM_ACTOR,
        false,
      );
    });
  }

  private mailFacts(fromAddress: string) {
    return {
      messageId: `<${randomUUID()}@mail.example.net>`,
      fromAddress,
      to: [this.config.mail.from.address],
    };
  }

  /** Whoever answers an unassigned ticket takes it, as agents do on the queue page. */
  private async claim(id: string, actor: Actor & { type: 'agent' }): Promise<void> {
    const ticket = await this.tickets.load(this.dataSource.manager, id);
    if (ticket.assigneeId) return;
    await this.tickets.update(id, { version: ticket.version, assigneeId: actor.id }, actor);
  }

  private async versionOf(id: string): Promise<number> {
    return (await this.tickets.load(this.dataSource.manager, id)).version;
  }
}
