import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { createRootLogger, PinoNestLogger } from './common/logging.js';
import { ConfigurationError, loadAppConfig } from './config/app-config.js';
import { loadDotEnv } from './config/dotenv.js';

async function bootstrap(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const line of error.message.split('\n')) console.error(`Configuration error: ${line}`);
    process.exit(1);
  }
  const logger = createRootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  configureApp(app, config, logger);
  // Clients that keep a connection busy could hold the process forever; the grace period is a promise, not a wish.
  process.once('SIGTERM', () => {
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 15_000).unref();
  });
  await app.listen(config.port, config.host);
  logger.info(`Offtrack Care is listening on http://${config.host}:${config.port} (${config.database.type})`);
}

void bootstrap();
