import type { Role } from './role.js';

/** Who is doing something, for audit events and ticket history. */
export type Actor =
  | { type: 'agent'; id: string; role: Role; requestId?: string }
  | { type: 'system'; id: null; requestId?: string };

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };
