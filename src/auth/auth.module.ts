import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { AccessToken } from './access-token.entity.js';
import { AccessTokensService } from './access-tokens.service.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { Agent } from './agent.entity.js';
import { AgentsController } from './agents.controller.js';
import { AgentsService } from './agents.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Agent, AccessToken]),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ ttl: 60_000, limit: config.login.ratePerMinute }],
    }),
  ],
  controllers: [AuthController, AgentsController],
  providers: [
    AccessTokensService,
    AuthService,
    AgentsService,
    AdminBootstrapService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AgentsService],
})
export class AuthModule {}
