import { EntityManager } from 'typeorm';

/**
 * Namespace of the region routing lock. The two-key form of the advisory lock lives apart from
 * the one-key locks (region matching, migrations), so their hashes can never collide with ours.
 */
const REGION_ROUTING_LOCK_SPACE = 0x524f5554;

/**
 * Takes, until the transaction ends, the lock under which a region's donations are routed.
 * Routing makes lots under it; whatever decides that a donation may no longer be routed
 * (cancellation) takes it too, before anything else, so a router never offers devices of a
 * donation cancelled while it was solving. See docs/concurrency.md for the lock order.
 */
export async function lockRegionRouting(manager: EntityManager, regionId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [REGION_ROUTING_LOCK_SPACE, regionId]);
}
