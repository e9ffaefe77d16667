import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config.js';
import { HealthController } from './health.controller.js';

@Module({
  imports: [
    TerminusModule.forRootAsync({
      inject: [AppConfig],
      // Keeps serving in-flight requests for this long after SIGTERM before the server closes.
      useFactory: (config: AppConfig) => ({
        gracefulShutdownTimeoutMs: config.shutdownGraceMs,
        logger: false,
      }),
    }),
  ],
  controllers: [HealthController],
})
export class HealthModule {}
