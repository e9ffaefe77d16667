import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { ConsentModule } from '../../consent/consent.module.js';
import { CustomersModule } from '../../customers/customers.module.js';
import { IncidentsModule } from '../../incidents/incidents.module.js';
import { RetentionModule } from '../../retention/retention.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { WebCoreModule } from '../web-core.module.js';
import { IncidentsPagesController } from './incidents-pages.controller.js';
import { IncidentsPagesService } from './incidents-pages.service.js';
import { LegalHoldsPagesController } from './legal-holds-pages.controller.js';
import { LegalHoldsPagesService } from './legal-holds-pages.service.js';
import { NewslettersPagesController } from './newsletters-pages.controller.js';
import { NewslettersPagesService } from './newsletters-pages.service.js';
import { RetentionPagesController } from './retention-pages.controller.js';
import { RetentionPagesService } from './retention-pages.service.js';

/**
 * Console pages for keeping personal data lawfully: legal holds, retention runs, the incident register, and
 * newsletter and marketing sends bound to consent.
 */
@Module({
  imports: [
    WebCoreModule,
    AuthModule,
    CustomersModule,
    TicketsModule,
    RetentionModule,
    IncidentsModule,
    ConsentModule,
  ],
  controllers: [
    LegalHoldsPagesController,
    RetentionPagesController,
    IncidentsPagesController,
    NewslettersPagesController,
  ],
  providers: [LegalHoldsPagesService, RetentionPagesService, IncidentsPagesService, NewslettersPagesService],
  exports: [LegalHoldsPagesService],
})
export class PrivacyPagesModule {}
