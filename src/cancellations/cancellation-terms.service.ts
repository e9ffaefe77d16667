import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { Conflict, InvalidInput, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { CancellationTerms } from './cancellation-terms.entity.js';
import { bandProblems, type PenaltyTerms, sortedBands } from './cancellation.rules.js';
import type { SaveCancellationTermsDto } from './dto/cancellation-terms.dto.js';
import { PRODUCT_TYPE } from './dto/cancellation.dto.js';

/** Penalty terms per product type: admins save new versions (checked, audited), quotes read the current one. */
@Injectable()
export class CancellationTermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The current terms of every product type. */
  async list(): Promise<CancellationTerms[]> {
    const rows = await this.dataSource
      .getRepository(CancellationTerms)
      .find({ order: { productType: 'ASC', version: 'DESC' } });
    return rows.filter((row, index) => index === 0 || rows[index - 1].productType !== row.productType);
  }

  /** Every version of a product type's terms, newest first. */
  async history(productType: string): Promise<CancellationTerms[]> {
    const rows = await this.dataSource
      .getRepository(CancellationTerms)
      .find({ where: { productType }, order: { version: 'DESC' } });
    if (rows.length === 0) throw new NotFound('cancellation terms', productType);
    return rows;
  }

  async get(productType: string): Promise<CancellationTerms> {
    const terms = await this.current(this.dataSource.manager, productType);
    if (!terms) throw new NotFound('cancellation terms', productType);
    return terms;
  }

  current(em: EntityManager, productType: string): Promise<CancellationTerms | null> {
    return em.findOne(CancellationTerms, { where: { productType }, order: { version: 'DESC' } });
  }

  /** One version, by id: the terms a quote was made from. */
  async version(em: EntityManager, id: string): Promise<CancellationTerms> {
    const terms = await em.findOne(CancellationTerms, { where: { id } });
    if (!terms) throw new NotFound('cancellation terms', id);
    return terms;
  }

  static termsOf(row: CancellationTerms): PenaltyTerms {
    return {
      bands: JSON.parse(row.bands) as PenaltyTerms['bands'],
      noShowPercentKept: row.noShowPercentKept,
    };
  }

  /**
   * Saves the terms as a new version (the first, for a new product type). Quotes already made keep the version
   * they used. Two admins saving at once: the unique (product type, version) lets one win, the other gets 409.
   */
  async save(productType: string, dto: SaveCancellationTermsDto, actor: Actor): Promise<CancellationTerms> {
    const bands = dto.bands.map(({ fromDays, toDays, percentKept }) => ({
      fromDays,
      toDays: toDays ?? null,
      percentKept,
    }));
    const problems = [
      ...(PRODUCT_TYPE.test(productType)
        ? []
        : [
            {
              field: 'productType',
              reason: 'productType must be a key such as multi_day_tour (a–z, 0–9, _)',
            },
          ]),
      ...bandProblems(bands),
    ];
    if (problems.length > 0) throw new InvalidInput(problems);
    try {
      return await this.dataSource.transaction(async (em) => {
        const current = await this.current(em, productType);
        if (current && dto.version !== current.version) {
          throw new StaleVersion(`The cancellation terms of ${productType}`, dto.version ?? 0, {
            version: current.version,
            changed: {},
          });
        }
        if (!current && dto.version !== undefined)
          throw new Conflict(`${productType} has no cancellation terms yet; leave version out to add them`);
        const row = em.create(CancellationTerms, {
          productType,
          version: (current?.version ?? 0) + 1,
          nameVi: dto.nameVi.trim(),
          nameEn: dto.nameEn.trim(),
          bands: JSON.stringify(sortedBands(bands)),
          noShowPercentKept: dto.noShowPercentKept,
          createdById: actor.id,
          createdAt: this.clock.now(),
        });
        await em.insert(CancellationTerms, row);
        await this.audit.record(em, actor, [
          {
            action: current ? 'cancellation_terms.update' : 'cancellation_terms.create',
            recordType: 'cancellation_terms',
            recordId: row.id,
            fields: {
              productType: [current?.productType ?? null, productType],
              version: [current?.version ?? null, row.version],
              bands: [current?.bands ?? null, row.bands],
              noShowPercentKept: [current?.noShowPercentKept ?? null, row.noShowPercentKept],
            },
          },
        ]);
        return row;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const current = await this.get(productType);
      throw new StaleVersion(`The cancellation terms of ${productType}`, dto.version ?? 0, {
        version: current.version,
        changed: {},
      });
    }
  }
}
