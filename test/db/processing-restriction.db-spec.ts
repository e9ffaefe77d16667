import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../src/auth/actor.js';
import { StaleVersion } from '../../src/common/errors/domain-error.js';
import { Customer } from '../../src/customers/customer.entity.js';
import { CustomersService } from '../../src/customers/customers.service.js';
import { givenAgent, givenCustomer } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

/**
 * Two requests restrict one customer at once. On MariaDB the second reads the customer before the first
 * commits and then waits on its row: it must lose with a conflict, not overwrite the first restriction.
 * SQLite runs writers one at a time, so there the second finds the restriction standing and leaves it.
 */
describe('processing restriction under concurrent writers', () => {
  let t: TestApp;
  const onServer = Boolean(process.env.DATABASE_URL);

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('keeps the first restriction and its version when a second writer races it', async () => {
    const admin = await givenAgent(t, 'admin');
    const { id } = (await givenCustomer(t, admin)) as { id: string };
    const customers = t.app.get(CustomersService);
    const [firstRequest, secondRequest] = [randomUUID(), randomUUID()];
    const before = await t.dataSource.getRepository(Customer).findOneByOrFail({ id });

    const first = t.dataSource.createQueryRunner();
    await first.startTransaction();
    await customers.restrictProcessing(first.manager, id, firstRequest, SYSTEM_ACTOR);
    let second: Promise<unknown>;
    if (onServer) {
      second = t.dataSource
        .transaction((em) => customers.restrictProcessing(em, id, secondRequest, SYSTEM_ACTOR))
        .catch((error: unknown) => error);
      await until(async () => {
        const [{ waiting }] = (await t.dataSource.query(
          `SELECT COUNT(*) AS waiting FROM information_schema.INNODB_TRX trx
             JOIN information_schema.PROCESSLIST process ON process.ID = trx.trx_mysql_thread_id
            WHERE trx.trx_state = 'LOCK WAIT' AND process.DB = DATABASE()`,
        )) as { waiting: string | number }[];
        return Number(waiting) === 1 ? true : undefined;
      });
      await first.commitTransaction();
    } else {
      await first.commitTransaction();
      second = t.dataSource.transaction((em) =>
        customers.restrictProcessing(em, id, secondRequest, SYSTEM_ACTOR),
      );
    }
    await first.release();

    const outcome = await second;
    if (onServer) expect(outcome).toBeInstanceOf(StaleVersion);
    const after = await t.dataSource.getRepository(Customer).findOneByOrFail({ id });
    expect(after.processingRestrictionRequestId).toBe(firstRequest);
    expect(after.version).toBe(before.version + 1);
  });
});
