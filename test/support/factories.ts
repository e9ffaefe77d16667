import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../src/auth/actor.js';
import { AgentsService } from '../../src/auth/agents.service.js';
import type { Agent } from '../../src/auth/agent.entity.js';
import type { Role } from '../../src/auth/role.js';
import { QueuesService } from '../../src/queues/queues.service.js';
import type { TestApp } from './test-app.js';

/** The password givenAgent gives agents unless told otherwise. */
export const AGENT_PASSWORD = 'correct horse battery staple';

export interface SignedInAgent {
  agent: Agent;
  token: string;
  auth: { Authorization: string };
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/**
 * An agent with a personal access token, made through the real services. `queues: 'all'` makes them a member
 * of every queue, for tests about tickets rather than about who may see them.
 */
export async function givenAgent(
  t: TestApp,
  role: Role = 'agent',
  overrides: { password?: string; queues?: 'all' | string[] } = {},
) {
  const agents = t.get(AgentsService);
  const agent = await agents.create(
    {
      email: `${unique(role)}@offtrack.test`,
      displayName: `Test ${role}`,
      role,
      initialPassword: overrides.password ?? AGENT_PASSWORD,
    },
    SYSTEM_ACTOR,
    false,
  );
  if (overrides.queues) {
    const queues = t.get(QueuesService);
    const queueIds =
      overrides.queues === 'all' ? (await queues.list()).map(({ queue }) => queue.id) : overrides.queues;
    for (const queueId of queueIds) {
      const { memberIds } = await queues.get(queueId);
      await queues.setMembers(queueId, [...memberIds, agent.id], SYSTEM_ACTOR);
    }
  }
  const { token } = await agents.issuePersonalToken(agent.id, { name: 'test' });
  return { agent, token, auth: { Authorization: `Bearer ${token}` } } satisfies SignedInAgent;
}

export async function givenCustomer(t: TestApp, as: SignedInAgent, body: Record<string, unknown> = {}) {
  const response = await t
    .http()
    .post('/api/v1/customers')
    .set(as.auth)
    .send({ displayName: 'Nguyễn Văn A', emails: [`${unique('khach')}@example.com`], ...body })
    .expect(201);
  return response.body as { id: string; version: number; emails: { value: string }[] };
}

export async function givenTicket(t: TestApp, as: SignedInAgent, body: Record<string, unknown> = {}) {
  const customerId = body.customer ? undefined : (body.customerId ?? (await givenCustomer(t, as)).id);
  const response = await t
    .http()
    .post('/api/v1/tickets')
    .set(as.auth)
    .send({
      customerId,
      subject: 'Khiếu nại: hoàn tiền tour Đà Lạt',
      body: 'Tôi muốn được hoàn tiền.',
      ...body,
    })
    .expect(201);
  return response.body as { id: string; number: number; version: number; queueId: string; state: string };
}
