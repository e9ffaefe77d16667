import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
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
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app, config);
  await app.listen(config.port, config.host);
  app
    .get(Logger)
    .log(`Offtrack Care is listening on http://${config.host}:${config.port} (${config.database.type})`);
}

void bootstrap();
