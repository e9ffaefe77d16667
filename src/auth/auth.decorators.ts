import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor.js';
import type { Agent } from './agent.entity.js';
import type { Role } from './role.js';

export const IS_PUBLIC = 'offtrack:public';
export const REQUIRED_ROLE = 'offtrack:role';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'offtrack:before-password-change';

/** Marks a route anyone may call. Every other route needs a signed-in agent (default deny). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The least role a route needs; without it, any signed-in agent may call the route. */
export const Roles = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** Routes an agent may still use while their one-time password must be replaced. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export interface AuthenticatedRequest extends Request {
  agent?: Agent;
  accessTokenId?: string;
}

export const CurrentAgent = createParamDecorator((_: unknown, context: ExecutionContext): Agent => {
  const agent = context.switchToHttp().getRequest<AuthenticatedRequest>().agent;
  if (!agent) throw new Error('CurrentAgent used on a public route');
  return agent;
});

/** The signed-in agent as the actor of audit events and ticket history, with the request id. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

export function actorOf(request: AuthenticatedRequest): Actor & { type: 'agent' } {
  if (!request.agent) throw new Error('CurrentActor used on a public route');
  return {
    type: 'agent',
    id: request.agent.id,
    role: request.agent.role,
    requestId: String(request.id ?? ''),
  };
}

export const CurrentAccessTokenId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().accessTokenId,
);
