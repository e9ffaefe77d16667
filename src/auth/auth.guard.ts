import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ALLOWED_BEFORE_PASSWORD_CHANGE,
  type AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRED_ROLE,
} from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { hasRole, type Role } from './role.js';

/** The global guard: every route needs a valid bearer token and a large enough role unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The agent console signs in with a session cookie; the API takes bearer tokens only, so CSRF cannot reach it.
    const token =
      bearerToken(request.headers.authorization) ??
      (request.path.startsWith('/console/') ? consoleSessionToken(request) : null);
    if (!token) throw new UnauthorizedException('Sign in first: send "Authorization: Bearer <token>"');
    const session = await this.auth.authenticate(token);
    if (!session) throw new UnauthorizedException('The access token is invalid, expired or revoked');

    const required = this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? 'agent';
    if (!hasRole(session.agent.role, required)) {
      throw new ForbiddenException(`This needs the ${required} role`);
    }
    if (
      session.agent.passwordMustChange &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw new ForbiddenException('Choose a new password first: POST /api/v1/auth/password');
    }
    request.agent = session.agent;
    request.accessTokenId = session.tokenId;
    return true;
  }
}

export const CONSOLE_SESSION_COOKIE = 'care_session';

function consoleSessionToken(request: AuthenticatedRequest): string | null {
  const cookies = (request as { cookies?: Record<string, string> }).cookies;
  return cookies?.[CONSOLE_SESSION_COOKIE] ?? null;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}
