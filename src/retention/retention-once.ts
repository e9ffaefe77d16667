import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { createRootLogger, PinoNestLogger } from '../common/logging.js';
import { loadAppConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/dotenv.js';
import type { RetentionRun } from './retention-run.entity.js';
import { RetentionService } from './retention.service.js';

/**
 * `npm run retention`: one retention pass now, in this process; scheduled jobs stay off. Progress lines go
 * to stderr after every batch, the run's record to stdout as JSON. A run killed half-way leaves each customer
 * either anonymised or untouched; the next one marks it interrupted and carries on.
 */
loadDotEnv();
const config = loadAppConfig({ ...process.env, JOBS_ENABLED: 'false' });
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
  logger: new PinoNestLogger(createRootLogger(config)),
});
try {
  const retention = app.get(RetentionService);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  // A run killed a moment ago still holds the lease until it expires: wait that long, not longer.
  const giveUpAt = Date.now() + 2 * config.jobLeaseMs;
  const progress = (run: RetentionRun) =>
    console.error(
      `[retention] ${seconds()} s: ${run.customersAnonymised} anonymised, ` +
        `${run.customersSkippedHold + run.customersSkippedDispute} skipped, ` +
        `${run.customersFailed} failed, ${run.messagesRedacted} messages redacted`,
    );
  let run = await retention.run('script', progress);
  while (run === undefined && Date.now() < giveUpAt) {
    await sleep(500);
    run = await retention.run('script', progress);
  }
  if (run === undefined) {
    console.error('[retention] another instance is running retention; try again later');
    process.exitCode = 1;
  } else {
    console.log(JSON.stringify({ ...run, seconds: Number(seconds()) }));
    if (run.state !== 'completed') process.exitCode = 1;
  }
} finally {
  await app.close();
}
