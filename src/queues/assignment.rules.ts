import type { AssignmentMode } from './queue.entity.js';

export interface AssignmentCandidate {
  agentId: string;
  capacity: number;
  /** Open tickets the agent carries now. */
  load: number;
}

/**
 * Who gets a new ticket in a queue: nobody in manual mode; otherwise the next member after the last one
 * (round-robin) or the member with the most room relative to their capacity (least-loaded). Members at
 * capacity are skipped in both; the caller passes only members who are active and available.
 */
export function chooseAssignee(
  mode: AssignmentMode,
  candidates: AssignmentCandidate[],
  lastAssignedId: string | null,
): string | null {
  const withRoom = candidates.filter((candidate) => candidate.load < candidate.capacity);
  if (mode === 'manual' || withRoom.length === 0) return null;
  if (mode === 'round_robin') {
    const ordered = [...withRoom].sort((a, b) => a.agentId.localeCompare(b.agentId));
    return (
      ordered.find((candidate) => lastAssignedId !== null && candidate.agentId > lastAssignedId) ?? ordered[0]
    ).agentId;
  }
  const [best] = [...withRoom].sort(
    (a, b) =>
      a.load / a.capacity - b.load / b.capacity || a.load - b.load || a.agentId.localeCompare(b.agentId),
  );
  return best.agentId;
}
