import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Agent } from '../../auth/agent.entity.js';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { AgentEmailTaken } from '../../auth/auth.errors.js';
import { CreateAgentDto, UpdateAgentDto } from '../../auth/dto/agent.dto.js';
import { toAgentView } from '../../auth/dto/agent.view.js';
import { Clock } from '../../common/clock.js';
import { DomainError, NotFound } from '../../common/errors/domain-error.js';
import { formatLocal } from '../../common/time.js';
import { QueuesService } from '../../queues/queues.service.js';
import {
  agentToCreate,
  agentToUpdate,
  checkWith,
  type FormOutcome,
  formVersion,
  type PostedForm,
  refused,
} from './admin-desk-forms.js';

/** An agent and the one-time password just given to them, to show once. */
export interface IssuedPassword {
  agent: Agent;
  password: string;
}

/** The agents admin pages: who works here, in which role and queues; accounts made and changed through AgentsService. */
@Injectable()
export class AgentsPagesService {
  constructor(
    private readonly agents: AgentsService,
    private readonly queues: QueuesService,
    private readonly clock: Clock,
  ) {}

  /** Every agent with the names of their queues. */
  async list(viewer: Agent) {
    const [agents, queues] = await Promise.all([this.agents.list(), this.queues.list()]);
    return agents.map((agent) => ({
      ...this.shown(agent, viewer),
      queueNames: queues
        .filter(({ memberIds }) => memberIds.includes(agent.id))
        .map(({ queue }) => queue.name),
    }));
  }

  /** An agent as the pages show them: never the password hash; a lock only while it lasts, in the viewer's zone. */
  shown(agent: Agent, viewer: Agent) {
    const lockedUntil = agent.lockedUntil && agent.lockedUntil > this.clock.now() ? agent.lockedUntil : null;
    return { ...toAgentView(agent), lockedUntil: lockedUntil && formatLocal(lockedUntil, viewer.timeZone) };
  }

  /** The agent, or null when there is none with this id. */
  async find(id: string): Promise<Agent | null> {
    try {
      return await this.agents.get(id);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }

  /** Creates the account with a one-time password the agent must replace at first sign-in. */
  async create(form: PostedForm, actor: Actor): Promise<FormOutcome<IssuedPassword>> {
    const password = oneTimePassword();
    const dto = { ...agentToCreate(form), initialPassword: password };
    const problems = await checkWith(CreateAgentDto, dto);
    if (Object.keys(problems).length) return refused(problems);
    try {
      return { ok: true, saved: { agent: await this.agents.create(dto as CreateAgentDto, actor), password } };
    } catch (error) {
      if (error instanceof AgentEmailTaken) return refused({ email: 'adminDesk.error.emailTaken' });
      throw error;
    }
  }

  /** Changes role, language, zone, presence, capacity or sign-in; a form drawn from an older version is refused. */
  async update(agent: Agent, form: PostedForm, actor: Actor): Promise<FormOutcome<Agent>> {
    const dto = agentToUpdate(form);
    const problems = await checkWith(UpdateAgentDto, dto);
    if (Object.keys(problems).length) return refused(problems);
    if (formVersion(form) !== agent.version) return refused({}, { isStale: true });
    try {
      return { ok: true, saved: await this.agents.update(agent.id, dto as UpdateAgentDto, actor) };
    } catch (error) {
      if (error instanceof DomainError) return refused({}, { reason: error.message });
      throw error;
    }
  }

  /** A new one-time password; it also unlocks the account and ends the agent's sessions. */
  async resetPassword(agent: Agent, actor: Actor): Promise<IssuedPassword> {
    const password = oneTimePassword();
    return { agent: await this.agents.update(agent.id, { resetPassword: password }, actor), password };
  }
}

/** 16 random characters: comfortably past the 12 the DTO asks for, short enough to read out. */
function oneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** The edit form's fields as the agent is now. */
export function agentForm(agent: Agent) {
  return {
    displayName: agent.displayName,
    role: agent.role,
    language: agent.language,
    timeZone: agent.timeZone,
    capacity: String(agent.capacity),
    availability: agent.availability,
    isActive: agent.isActive,
    canViewSensitive: agent.canViewSensitive,
    version: agent.version,
  };
}
