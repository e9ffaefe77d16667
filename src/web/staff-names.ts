import type { AgentsService } from '../auth/agents.service.js';

/** Agents' display names by id, for "placed by", "notified by" lines; an id no agent has shows as itself. */
export async function staffNames(agents: AgentsService): Promise<(id: string | null) => string | null> {
  const list = await agents.list();
  return (id) => (id === null ? null : (list.find((agent) => agent.id === id)?.displayName ?? id));
}
