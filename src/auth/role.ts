export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

/** Roles are a ladder: a supervisor may do what an agent may, an admin what a supervisor may. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
