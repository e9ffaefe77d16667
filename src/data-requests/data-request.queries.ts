import type { EntityManager } from 'typeorm';
import { NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { forUpdate } from '../database/locking.js';
import { DataRequest } from './data-request.entity.js';

export async function lockDataRequest(em: EntityManager, id: string): Promise<DataRequest> {
  const row = await forUpdate(
    em.createQueryBuilder(DataRequest, 'request').where('request.id = :id', { id }),
  ).getOne();
  if (!row) throw new NotFound('data request', id);
  return row;
}

export async function lockCurrentDataRequest(
  em: EntityManager,
  id: string,
  version: number,
): Promise<DataRequest> {
  const row = await lockDataRequest(em, id);
  if (row.version !== version)
    throw new StaleVersion('data request', version, {
      version: row.version,
      changed: { state: row.state },
    });
  return row;
}

export async function saveDataRequest(
  em: EntityManager,
  row: DataRequest,
  changes: Partial<DataRequest>,
  now: Date,
) {
  await em.update(DataRequest, { id: row.id }, { ...changes, version: row.version + 1, updatedAt: now });
}
