import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AccessToken } from './access-token.entity.js';
import { AccessTokensService } from './access-tokens.service.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { Agent } from './agent.entity.js';
import { AgentsController } from './agents.controller.js';
import { AgentsService } from './agents.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';

@Module({
  imports: [TypeOrmModule.forFeature([Agent, AccessToken]), AuditModule],
  controllers: [AuthController, AgentsController],
  providers: [
    AccessTokensService,
    AuthService,
    AgentsService,
    AdminBootstrapService,
    LoginRateLimitGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AgentsService, AuthService],
})
export class AuthModule {}
