import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger as Pino } from 'pino';
import { DomainErrorFilter } from './common/errors/domain-error.filter.js';
import { validationFailed } from './common/errors/validation.js';
import { NormalizeUnicodePipe } from './common/http/normalize-unicode.pipe.js';
import { requestLogger } from './common/logging.js';
import type { AppConfig } from './config/app-config.js';

/** Everything main.ts and the e2e tests both need, so tests drive the app exactly as it runs. */
export function configureApp(app: NestExpressApplication, config: AppConfig, logger: Pino): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Upgrading requests to https only makes sense where the desk is served over https.
        directives: { upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null },
      },
    }),
  );
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.use(cookieParser());
  app.useStaticAssets(join(dirname(fileURLToPath(import.meta.url)), 'web', 'assets'), {
    prefix: '/assets/',
    maxAge: '1h',
  });
  // htmx is served by the desk itself, never from a CDN.
  app.useStaticAssets(dirname(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js')), {
    prefix: '/assets/htmx/',
    maxAge: '1d',
  });
  app.useGlobalPipes(
    new NormalizeUnicodePipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new DomainErrorFilter());
  // On SIGTERM: readiness turns 503, in-flight requests finish during the grace period, then exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  setUpApiDocs(app);
}

function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Offtrack Care API')
      .setDescription(
        'Complaints and customer-care helpdesk. Sign in with POST /api/v1/auth/login and send the token as ' +
          '"Authorization: Bearer <token>". Every error has the ErrorResponse shape.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
