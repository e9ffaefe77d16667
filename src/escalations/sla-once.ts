import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { Clock } from '../common/clock.js';
import { createRootLogger, PinoNestLogger } from '../common/logging.js';
import { loadAppConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/dotenv.js';
import { SlaClocksService } from '../sla/sla-clocks.service.js';
import { EscalationSweepService } from './escalation-sweep.service.js';

/**
 * `npm run sla -- sweep`: one escalation scan now; `npm run sla -- recompute`: re-time every open ticket's
 * clocks (after importing tickets, say). Prints what it did as JSON and exits; scheduled jobs stay off.
 */
const task = process.argv[2];
if (task !== 'sweep' && task !== 'recompute') {
  console.error('Usage: npm run sla -- sweep | recompute');
  process.exit(2);
}
loadDotEnv();
const config = loadAppConfig({ ...process.env, JOBS_ENABLED: 'false' });
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
  logger: new PinoNestLogger(createRootLogger(config)),
});
try {
  const now = app.get(Clock).now();
  const started = performance.now();
  const result =
    task === 'sweep'
      ? await app.get(EscalationSweepService).sweep(now)
      : { tickets: await app.get(SlaClocksService).recomputeAll(now) };
  console.log(JSON.stringify({ task, ...result, ms: Math.round(performance.now() - started) }));
} finally {
  await app.close();
}
