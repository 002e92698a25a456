import { DataSource, QueryRunner } from 'typeorm';
import { CounterLockOptions, CounterRow, isCounterLockTimeout, lockTenantCounter } from './tenant-counter-lock';

/**
 * Runs `work` in a short transaction of its own holding the tenant's counter lock, and commits, so the numbers
 * it hands out are durable before anyone reads them. Returns null, without calling `work`, when another pass
 * holds the tenant (and `wait` is not set, or its `waitTimeoutMs` ran out) or the tenant is gone.
 */
export async function underTenantCounter<T>(
  dataSource: DataSource,
  counterTable: string,
  tenantId: string,
  work: (qr: QueryRunner, counter: CounterRow) => Promise<T>,
  options: CounterLockOptions = {},
): Promise<T | null> {
  const qr = dataSource.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    const counter = await lockTenantCounter(qr, counterTable, tenantId, options);
    if (counter === null) {
      await qr.rollbackTransaction();
      return null;
    }
    const result = await work(qr, counter);
    await qr.commitTransaction();
    return result;
  } catch (error) {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    if (isCounterLockTimeout(error)) return null;
    throw error;
  } finally {
    await qr.release();
  }
}
