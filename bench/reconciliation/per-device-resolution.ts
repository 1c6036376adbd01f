import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { lockRegionMatching } from '@app/matching';
import { OrderLedger, OrderLineDevice, OrdersConfig } from '@app/orders';
import { actorUserIdOf, Device, DeviceAction, DeviceLedger, DeviceStatus, chunks } from '@app/refurbishing';
import { DiscrepancyKind, Reconciliation, ReconciliationStatus } from '@app/reconciliation';

/**
 * The baseline: resolving a count as the code did before it became set-based, kept here only to
 * be timed against it in the same run. Devices locked and hydrated as entities, then moved through
 * `DeviceLedger.apply` (custody events and stock movements inserted through TypeORM, a thousand
 * rows a statement), orders locked one by one. Same locks, same writes, same result.
 */
export async function resolvePerDevice(
  deps: { tx: TransactionRunner; devices: DeviceLedger; orders: OrderLedger; outbox: OutboxService; config: OrdersConfig },
  ctx: RequestContext,
  id: string,
): Promise<number> {
  const onShelf = new Set([DeviceStatus.IN_STOCK, DeviceStatus.RESERVED]);
  return deps.tx.run(ctx, async (inner, manager) => {
    const seen = await manager.getRepository(Reconciliation).findOneOrFail({ where: { id } });
    await lockRegionMatching(manager, seen.regionId);
    const reconciliation = await manager.getRepository(Reconciliation).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
    const candidates: Array<{ device_id: string }> = await manager.query(
      `SELECT device_id FROM reconciliation_discrepancy WHERE reconciliation_id = $1 AND kind = $2 AND device_id IS NOT NULL ORDER BY device_id`,
      [reconciliation.id, DiscrepancyKind.MISSING],
    );
    const ids = candidates.map((c) => c.device_id);
    let links: OrderLineDevice[] = [];
    const orders: Array<{ order_id: string }> = await manager.query(
      `SELECT DISTINCT order_id FROM order_line_device WHERE device_id = ANY($1::uuid[]) AND released_at IS NULL AND shipped_at IS NULL ORDER BY order_id`,
      [ids],
    );
    if (orders.length) {
      for (const o of orders) await deps.orders.lockOrder(manager, o.order_id);
      await deps.orders.lockLines(
        manager,
        orders.map((o) => o.order_id),
      );
      links = await manager
        .getRepository(OrderLineDevice)
        .createQueryBuilder('x')
        .where('x.device_id = ANY(:deviceIds) AND x.released_at IS NULL AND x.shipped_at IS NULL', { deviceIds: ids })
        .orderBy('x.device_id', 'ASC')
        .setLock('pessimistic_write')
        .getMany();
    }
    const locked: Device[] = [];
    for (const slice of chunks(ids, 10_000)) locked.push(...(await deps.devices.lock(manager, slice)));
    const gone = locked.filter((d) => d.refurbisherId === reconciliation.refurbisherId && onShelf.has(d.status));
    const when = reconciliation.createdAt.toISOString().slice(0, 10);
    await deps.devices.apply(
      inner,
      manager,
      gone.map((device) => ({ device, action: DeviceAction.MISSING, detail: `not found by the stock count of ${when}` })),
    );
    const goneIds = new Set(gone.map((d) => d.id));
    const released = links.filter((l) => goneIds.has(l.deviceId));
    if (released.length) {
      await deps.orders.release(inner, manager, released, 'DEVICE_GONE', 'not found by a stock count');
      await deps.orders.refreshStatuses(
        manager,
        released.map((l) => l.orderId),
      );
      await deps.outbox.enqueue(manager, matchRegionRequest(reconciliation.regionId, deps.config.matchingDebounceMs));
    }
    await manager.update(
      Reconciliation,
      { id: reconciliation.id },
      {
        status: ReconciliationStatus.RESOLVED,
        resolvedAt: () => 'clock_timestamp()',
        resolvedBy: ctx.user.email,
        resolvedByUserId: actorUserIdOf(ctx),
        markedMissingQuantity: gone.length,
        version: reconciliation.version + 1,
      },
    );
    return gone.length;
  });
}
