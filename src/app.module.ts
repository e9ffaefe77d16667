import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from './audit/audit.module.js';
import { CancellationsModule } from './cancellations/cancellations.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { CannedResponsesModule } from './canned-responses/canned-responses.module.js';
import { CompensationModule } from './compensation/compensation.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CommonModule } from './common/common.module.js';
import { ConsentModule } from './consent/consent.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { HealthModule } from './health/health.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { MailInboundModule } from './mail/inbound/mail-inbound.module.js';
import { MailOutboundModule } from './mail/outbound/mail-outbound.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { QueueWorkModule } from './queue-work/queue-work.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { SensitiveDataModule } from './sensitive-data/sensitive-data.module.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { TransactionCasesModule } from './transaction-cases/transaction-cases.module.js';
import { DataRequestsModule } from './data-requests/data-requests.module.js';
import { WebModule } from './web/web.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        CommonModule,
        DatabaseModule,
        HealthModule,
        AuthModule,
        AuditModule,
        CustomersModule,
        QueuesModule,
        MailOutboundModule,
        ConsentModule,
        NotificationsModule,
        TicketsModule,
        SensitiveDataModule,
        CannedResponsesModule,
        CompensationModule,
        CancellationsModule,
        IncidentsModule,
        TransactionCasesModule,
        DataRequestsModule,
        RetentionModule,
        EscalationsModule,
        QueueWorkModule,
        IntakeModule,
        MailInboundModule,
        WebModule,
        DemoModule,
      ],
    };
  }
}
