import type { Actor } from '../../auth/actor.js';
import { Injectable } from '@nestjs/common';
import { AgentsService } from '../../auth/agents.service.js';
import { DomainError, Invalid, NotFound } from '../../common/errors/domain-error.js';
import { CreateQueueDto, SetQueueMembersDto, UpdateQueueDto } from '../../queues/dto/queue.dto.js';
import type { Queue } from '../../queues/queue.entity.js';
import { QueueNameTaken } from '../../queues/queue.errors.js';
import { QueuesService, type QueueWithMembers } from '../../queues/queues.service.js';
import {
  checkWith,
  type FieldProblems,
  type FormOutcome,
  formVersion,
  type PostedForm,
  queueFields,
  refused,
  values,
} from './admin-desk-forms.js';

/** The queues admin pages: how each queue assigns and who works it, changed through QueuesService. */
@Injectable()
export class QueuesPagesService {
  constructor(
    private readonly queues: QueuesService,
    private readonly agents: AgentsService,
  ) {}

  /** Every queue with its members' names. */
  async list() {
    const [queues, agents] = await Promise.all([this.queues.list(), this.agents.list()]);
    return queues.map(({ queue, memberIds }) => ({
      ...queueForm(queue),
      id: queue.id,
      memberNames: agents.filter((agent) => memberIds.includes(agent.id)).map((agent) => agent.displayName),
    }));
  }

  /** The agents who may be members, by name. */
  async candidates() {
    return (await this.agents.list()).map(({ id, displayName, email, isActive }) => ({
      id,
      displayName,
      email,
      isActive,
    }));
  }

  /** The queue with its members, or null when there is none with this id. */
  async find(id: string): Promise<QueueWithMembers | null> {
    try {
      return await this.queues.get(id);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }

  async create(form: PostedForm, actor: Actor): Promise<FormOutcome<Queue>> {
    const { isActive: _ignored, ...dto } = queueFields(form);
    const problems = await checkWith(CreateQueueDto, dto);
    if (Object.keys(problems).length) return refused(problems);
    return this.saving(async () => (await this.queues.create(dto as CreateQueueDto, actor)).queue);
  }

  /** Renames, describes, (de)activates, changes assignment or makes default; refuses a form drawn from an older state. */
  async update(queue: Queue, form: PostedForm, actor: Actor): Promise<FormOutcome<Queue>> {
    const dto = queueFields(form);
    const problems = await checkWith(UpdateQueueDto, dto);
    if (Object.keys(problems).length) return refused(problems);
    if (formVersion(form) !== queue.updatedAt.getTime()) return refused({}, { isStale: true });
    return this.saving(async () => (await this.queues.update(queue.id, dto as UpdateQueueDto, actor)).queue);
  }

  /** Replaces the members with the ticked agents. */
  async setMembers(queue: Queue, form: PostedForm, actor: Actor): Promise<FormOutcome<string[]>> {
    const agentIds = values(form, 'agentIds');
    const unknownAgent: FieldProblems = { agentIds: 'adminDesk.error.unknownAgent' };
    if (Object.keys(await checkWith(SetQueueMembersDto, { agentIds })).length) return refused(unknownAgent);
    try {
      return { ok: true, saved: (await this.queues.setMembers(queue.id, agentIds, actor)).memberIds };
    } catch (error) {
      if (error instanceof Invalid) return refused(unknownAgent);
      throw error;
    }
  }

  private async saving(save: () => Promise<Queue>): Promise<FormOutcome<Queue>> {
    try {
      return { ok: true, saved: await save() };
    } catch (error) {
      if (error instanceof QueueNameTaken) return refused({ name: 'adminDesk.error.queueNameTaken' });
      if (error instanceof DomainError) return refused({}, { reason: error.message });
      throw error;
    }
  }
}

/** The settings form's fields as the queue is now; its last change stands in for a version. */
export function queueForm(queue: Queue) {
  return {
    name: queue.name,
    description: queue.description ?? '',
    assignmentMode: queue.assignmentMode,
    isDefault: queue.isDefault,
    isActive: queue.isActive,
    version: queue.updatedAt.getTime(),
  };
}
