import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { OrderLineDevice, ORDERS_CONFIG, OrdersConfig, OrderLedger } from '@app/orders';
import { DeviceAction, DeviceLedger, DeviceStatus } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { Reconciliation } from '../entities/reconciliation.entity';

const ON_SHELF: readonly DeviceStatus[] = [DeviceStatus.IN_STOCK, DeviceStatus.RESERVED];

/**
 * Devices a count did not find, declared MISSING after review, in the reviewer's transaction
 * (whole count or one discrepancy). The caller holds the region's matching lock and the count's
 * row. Their live, unshipped order links are locked with their orders and lines first, then the
 * devices: the order every order command takes. Every one still IN_STOCK or RESERVED at that
 * refurbisher becomes MISSING (set-based: a few statements however many); a reserved one loses
 * its order link (DEVICE_GONE), its order is re-derived and the region matched again. Returns the
 * ids of the devices declared missing.
 */
@Injectable()
export class MissingDeclaration {
  constructor(
    private readonly devices: DeviceLedger,
    private readonly orders: OrderLedger,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async declare(ctx: RequestContext, manager: EntityManager, reconciliation: Reconciliation, deviceIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(deviceIds)].sort();
    if (!ids.length) return new Set();
    const links = await this.lockReservations(manager, ids);
    const when = reconciliation.createdAt.toISOString().slice(0, 10);
    const gone = await this.devices.applyMany(ctx, manager, ids, {
      action: DeviceAction.MISSING,
      from: ON_SHELF,
      heldBy: reconciliation.refurbisherId,
      detail: `not found by the stock count of ${when}`,
    });
    const goneIds = new Set(gone.map((d) => d.deviceId));
    const released = links.filter((l) => goneIds.has(l.deviceId));
    if (released.length) {
      // The devices are MISSING already: release only ends the links and shrinks the allocations.
      await this.orders.release(ctx, manager, released, 'DEVICE_GONE', 'not found by a stock count');
      await this.orders.refreshStatuses(
        manager,
        released.map((l) => l.orderId),
      );
      await this.outbox.enqueue(manager, matchRegionRequest(reconciliation.regionId, this.config.matchingDebounceMs));
    }
    return goneIds;
  }

  /** The live, unshipped order links of these devices, locked with their orders and lines first. */
  private async lockReservations(manager: EntityManager, deviceIds: readonly string[]): Promise<OrderLineDevice[]> {
    const orders: Array<{ order_id: string }> = await manager.query(
      `SELECT DISTINCT order_id FROM order_line_device WHERE device_id = ANY($1::uuid[]) AND released_at IS NULL AND shipped_at IS NULL ORDER BY order_id`,
      [deviceIds],
    );
    if (!orders.length) return [];
    const orderIds = orders.map((o) => o.order_id);
    await this.orders.lockOrders(manager, orderIds);
    await this.orders.lockLines(manager, orderIds);
    return manager
      .getRepository(OrderLineDevice)
      .createQueryBuilder('x')
      .where('x.device_id = ANY(:deviceIds) AND x.released_at IS NULL AND x.shipped_at IS NULL', { deviceIds: [...deviceIds] })
      .orderBy('x.device_id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }
}
