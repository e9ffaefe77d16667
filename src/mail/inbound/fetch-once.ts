import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import { createRootLogger, PinoNestLogger } from '../../common/logging.js';
import { loadAppConfig } from '../../config/app-config.js';
import { loadDotEnv } from '../../config/dotenv.js';
import { MailIntakeJob } from './mail-intake.job.js';

/**
 * `npm run mail:fetch`: fetch and process mail once, print what happened, exit 0 — for cron-style
 * deployments and for ops. Scheduled jobs stay off in this process.
 */
loadDotEnv();
const config = loadAppConfig({ ...process.env, JOBS_ENABLED: 'false' });
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
  logger: new PinoNestLogger(createRootLogger(config)),
});
try {
  const report = await app.get(MailIntakeJob).runOnceWaiting();
  console.log(
    `stored ${report.stored}, tickets ${report.tickets}, threaded ${report.threaded}, ` +
      `ignored ${report.ignored}, failed ${report.failed}, duplicates ${report.duplicates}, ` +
      `mailbox errors ${report.mailboxErrors}`,
  );
} finally {
  await app.close();
}
