import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../auth/actor.js';
import type { Agent } from '../auth/agent.entity.js';
import { actorOf, type AuthenticatedRequest } from '../auth/auth.decorators.js';
import type { PostedForm } from './admin-rules/admin-form.js';

/** A form posted to the console: the request (it carries the CSRF token), its fields, and who posted it. */
export interface ConsolePost {
  req: Request;
  form: PostedForm;
  agent: Agent;
  actor: Actor & { type: 'agent' };
}

/** The posted console form as one parameter, so each form route does not list request, body, agent and actor. */
export const PostedToConsole = createParamDecorator((_: unknown, context: ExecutionContext): ConsolePost => {
  const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const actor = actorOf(req);
  return { req, form: (req.body ?? {}) as PostedForm, agent: req.agent!, actor };
});
