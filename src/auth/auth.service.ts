import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { AccessTokensService, type IssuedToken } from './access-tokens.service.js';
import { Agent } from './agent.entity.js';
import { AccountLocked, InvalidCredentials, PasswordNotAccepted } from './auth.errors.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './credentials.js';
import { afterFailedLogin, isLocked } from './login-lockout.rules.js';

export const MIN_PASSWORD_LENGTH = 12;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(Agent) private readonly agents: Repository<Agent>,
    private readonly tokens: AccessTokensService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  authenticate(token: string) {
    return this.tokens.authenticate(token);
  }

  /** Signs an agent in with e-mail and password and issues a session token. */
  async login(email: string, password: string): Promise<IssuedToken & { agent: Agent }> {
    const now = this.clock.now();
    const agent = await this.agents.findOne({ where: { email: email.trim().toLowerCase() } });
    if (!agent || !agent.isActive || !agent.passwordHash) {
      await verifyPassword(await decoyPasswordHash(), password);
      throw new InvalidCredentials();
    }
    if (isLocked(agent, now)) throw new AccountLocked(agent.lockedUntil!);

    if (!(await verifyPassword(agent.passwordHash, password))) {
      const next = afterFailedLogin(agent, this.config.login, now);
      await this.agents.update({ id: agent.id }, next);
      this.logger.warn({ agentId: agent.id, failedLoginCount: next.failedLoginCount }, 'failed sign-in');
      if (isLocked(next, now)) throw new AccountLocked(next.lockedUntil!);
      throw new InvalidCredentials();
    }

    await this.agents.update({ id: agent.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    const expiresAt = new Date(now.getTime() + this.config.sessionTokenDays * 86_400_000);
    const issued = await this.tokens.issue(agent.id, 'session', 'sign-in', expiresAt);
    this.logger.log({ agentId: agent.id }, 'signed in');
    return { ...issued, agent };
  }

  logout(agent: Agent, tokenId: string): Promise<void> {
    return this.tokens.revoke(agent.id, tokenId);
  }

  /** Replaces the agent's password; every other token of theirs stops working. */
  async changePassword(agent: Agent, currentPassword: string, newPassword: string, keepTokenId: string) {
    if (!agent.passwordHash || !(await verifyPassword(agent.passwordHash, currentPassword))) {
      throw new PasswordNotAccepted('The current password is wrong');
    }
    if (newPassword === currentPassword)
      throw new PasswordNotAccepted('The new password must differ from the old');
    await this.agents.update(
      { id: agent.id },
      {
        passwordHash: await hashPassword(newPassword),
        passwordMustChange: false,
        updatedAt: this.clock.now(),
      },
    );
    await this.tokens.revokeAllFor(agent.id, keepTokenId);
  }
}
