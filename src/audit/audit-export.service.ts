import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { auditCsvHeader, auditCsvLine } from './audit-export.rules.js';
import type { AuditEventFilter } from './audit.queries.js';
import { AuditService } from './audit.service.js';

/** Audit events as CSV for auditors; each export is itself an audit event. */
@Injectable()
export class AuditExportService {
  private readonly logger = new Logger(AuditExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Records the export, then yields the CSV a batch of events at a time: never the whole log in memory. */
  async exportCsv(filter: AuditEventFilter, actor: Actor): Promise<AsyncGenerator<string>> {
    const exportId = randomUUID();
    const named = Object.entries(filter).filter(([name, value]) => value && name !== 'timeZone');
    await this.dataSource.transaction((em) =>
      this.audit.record(em, actor, [
        {
          action: 'audit.export',
          recordType: 'audit_log',
          recordId: exportId,
          fields: named.map(([name]) => name),
          reason:
            named
              .map(([name, value]) => `${name}=${value}`)
              .join(' ')
              .slice(0, 500) || null,
        },
      ]),
    );
    this.logger.log({ exportId, filters: named.map(([name]) => name) }, 'audit log exported');
    return this.lines(filter);
  }

  private async *lines(filter: AuditEventFilter): AsyncGenerator<string> {
    yield auditCsvHeader();
    for await (const batch of this.audit.stream(filter)) {
      yield batch.map((event) => auditCsvLine(event, filter.timeZone)).join('');
    }
  }
}
