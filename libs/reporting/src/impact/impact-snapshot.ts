import { RequestContext } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a report's reads in one read-only REPEATABLE READ transaction: every query sees the same
 * snapshot, so figures computed by several queries add up even while devices move. Inside a
 * transaction the caller already opened, it reads there.
 */
export function readSnapshot<T>(dataSource: DataSource, ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (ctx.manager) return work(ctx.manager);
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    return work(manager);
  });
}
