import { EntityManager } from 'typeorm';

/**
 * Takes, until the transaction ends, the lock under which a region's orders are matched. Whatever
 * else reserves or releases devices of the region in bulk (resolving a reconciliation) takes it
 * too, so the two never work on the same stock at once.
 */
export async function lockRegionMatching(manager: EntityManager, regionId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('match-region:' || $1))`, [regionId]);
}
