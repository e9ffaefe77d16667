import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { NotFound } from '../common/errors/domain-error.js';
import { CustomersService } from '../customers/customers.service.js';
import { type CustomerDataExport, CustomerDataExportService } from './customer-data-export.service.js';
import { DataRequest } from './data-request.entity.js';
import { lockDataRequest, saveDataRequest } from './data-request.queries.js';
import { hashOf } from './data-request.rules.js';

/** How long a verified "view" or "copy" link keeps downloading the export. */
export const EXPORT_DAYS = 14;

/**
 * The link in the identity-check letter, as the customer uses it: it shows the request, confirms it came from
 * the address on record, and downloads the export of a verified "view" or "copy" request.
 */
@Injectable()
export class DataRequestLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly exports: CustomerDataExportService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** What the link in the identity-check letter opens, without changing anything (link scanners follow GETs). */
  async findByLink(secret: string): Promise<DataRequest | null> {
    return this.dataSource
      .getRepository(DataRequest)
      .findOne({ where: { verificationHash: hashOf(secret) } });
  }

  /** The request behind a link, with the customer's zone and language to show it in. */
  async linkView(secret: string) {
    const request = await this.findByLink(secret);
    if (!request) return null;
    const customer = await this.customers.findById(this.dataSource.manager, request.customerId);
    return { request, timeZone: customer.timeZone, language: customer.preferredLanguage };
  }

  /** The customer confirms the request from the address on record: it may now be carried out. */
  confirmIdentity(secret: string): Promise<DataRequest> {
    return this.dataSource.transaction(async (em) => {
      const found = await this.findByLink(secret);
      if (!found) throw new NotFound('data request', 'link');
      const row = await lockDataRequest(em, found.id);
      if (row.state !== 'awaiting_verification') return row;
      const now = this.clock.now();
      const changes: Partial<DataRequest> = {
        state: 'in_progress',
        verifiedAt: now,
        exportUntil:
          row.type === 'view' || row.type === 'copy'
            ? new Date(now.getTime() + EXPORT_DAYS * 86_400_000)
            : null,
      };
      await saveDataRequest(em, row, changes, now);
      await this.audit.record(em, SYSTEM_ACTOR, [
        {
          action: 'data_request.verify',
          recordType: 'data_request',
          recordId: row.id,
          fields: { state: [row.state, 'in_progress'] },
          reason: 'confirmed through the link sent to the address on record',
        },
      ]);
      return { ...row, ...changes, version: row.version + 1 };
    });
  }

  /** The export a verified "view" or "copy" link downloads; each download is an audited release. */
  exportFor(secret: string): Promise<CustomerDataExport> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.findByLink(secret);
      const now = this.clock.now();
      if (!row || !row.verifiedAt || !row.exportUntil || row.exportUntil <= now)
        throw new NotFound('data export', 'link');
      const data = await this.exports.build(em, row.customerId, now);
      await this.audit.record(em, SYSTEM_ACTOR, [
        {
          action: 'customer.export',
          recordType: 'customer',
          recordId: row.customerId,
          fields: ['all personal data held'],
          reason: `released to the customer for data-subject request ${row.id}`,
        },
      ]);
      return data;
    });
  }
}
