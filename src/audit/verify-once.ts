import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { createRootLogger, PinoNestLogger } from '../common/logging.js';
import { loadAppConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/dotenv.js';
import { AuditChainService } from './audit-chain.service.js';

/**
 * `npm run audit:verify`: walks the audit log's sealed hash chain and prints {ok, events, redacted,
 * firstBrokenSeq, reason, pending, unsealedOverdue, oldestUnsealedAt} as JSON; exits 1 when the chain is
 * broken or an event waits unsealed past the grace period, so a cron job or a monitor can alert on it. It
 * does not seal: sealing here would hide a sealer that has stopped.
 */
loadDotEnv();
const config = loadAppConfig({ ...process.env, JOBS_ENABLED: 'false' });
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
  logger: new PinoNestLogger(createRootLogger(config)),
});
try {
  const report = await app.get(AuditChainService).verify();
  console.log(JSON.stringify(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await app.close();
}
