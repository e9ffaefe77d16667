import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { AgentsService } from './agents.service.js';
import { SYSTEM_ACTOR } from './actor.js';
import { AgentEmailTaken } from './auth.errors.js';
import { newOneTimePassword } from './credentials.js';

/**
 * On the very first start there is nobody to sign in as: create an admin from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or with a generated one-time password printed once to the console (never to the structured log).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly agents: AgentsService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.agents.countAgents()) > 0) return;
    const fromEnvironment = Boolean(this.config.admin.email && this.config.admin.password);
    const email = this.config.admin.email ?? 'admin@offtrack.local';
    const password = this.config.admin.password ?? newOneTimePassword();
    let admin;
    try {
      admin = await this.agents.create(
        { email, displayName: 'Administrator', role: 'admin', initialPassword: password },
        SYSTEM_ACTOR,
        !fromEnvironment,
      );
    } catch (error) {
      if (error instanceof AgentEmailTaken) return; // another instance starting at the same moment won
      throw error;
    }
    this.logger.log({ agentId: admin.id }, 'first admin created');
    if (!fromEnvironment) {
      process.stdout.write(
        [
          '',
          '  Offtrack Care: the first admin account was created.',
          `    e-mail:             ${email}`,
          `    one-time password:  ${password}`,
          '  Sign in with POST /api/v1/auth/login, then choose a new password (POST /api/v1/auth/password).',
          '',
          '',
        ].join('\n'),
      );
    }
  }
}
