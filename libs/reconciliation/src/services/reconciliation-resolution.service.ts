import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { lockRegionMatching } from '@app/matching';
import { OrderLineDevice, ORDERS_CONFIG, OrdersConfig, OrderLedger } from '@app/orders';
import { DeviceAction, DeviceStatus, actorUserIdOf, DeviceLedger } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { DiscrepancyKind } from '../entities/discrepancy-kind';
import { RECONCILIATION_MACHINE, ReconciliationStatus } from '../entities/reconciliation-status';
import { Reconciliation } from '../entities/reconciliation.entity';

const ON_SHELF: readonly DeviceStatus[] = [DeviceStatus.IN_STOCK, DeviceStatus.RESERVED];

/**
 * A coordinator (or ADMIN) reviews an OPEN count and resolves it, in one transaction: every device
 * the count did not find and that is still IN_STOCK or RESERVED at that refurbisher becomes
 * MISSING through the device ledger (custody event, stock counters and their movements). A
 * reserved one also loses its order link (DEVICE_GONE): its line's allocation shrinks, its order
 * is re-derived (ALLOCATED -> OPEN), and the region is matched again so the line is served by
 * another device. A device that left the shelf since the count (shipped) is left alone.
 *
 * Locks follow the order every order command takes, so that none can deadlock with this one:
 * the region's matching lock (no reservation is made in the region meanwhile, so the orders read
 * below are all there are), the orders, their lines, the links, then the devices.
 */
@Injectable()
export class ReconciliationResolutionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly devices: DeviceLedger,
    private readonly orders: OrderLedger,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  resolve(ctx: RequestContext, id: string): Promise<Reconciliation> {
    return this.tx.run(ctx, async (inner, manager) => {
      const seen = await manager.getRepository(Reconciliation).findOne({ where: { id } });
      if (!seen) throw new NotFoundError('Reconciliation', id);
      ActAccess.assert(ctx, 'Reconciliation', 'resolve', seen, 'Reconciliation');
      // matchers of the region wait until this is done
      await lockRegionMatching(manager, seen.regionId);
      const reconciliation = await manager.getRepository(Reconciliation).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      RECONCILIATION_MACHINE.assertTransition(reconciliation.status, ReconciliationStatus.RESOLVED);

      const candidates: Array<{ device_id: string }> = await manager.query(
        `SELECT device_id FROM reconciliation_discrepancy WHERE reconciliation_id = $1 AND kind = $2 AND device_id IS NOT NULL ORDER BY device_id`,
        [reconciliation.id, DiscrepancyKind.MISSING],
      );
      const ids = candidates.map((c) => c.device_id);
      const links = await this.lockReservations(manager, ids);
      // Set-based: the devices still on this refurbisher's shelf are locked in id order and
      // become MISSING in a few statements, however many the count did not find.
      const when = reconciliation.createdAt.toISOString().slice(0, 10);
      const gone = await this.devices.applyMany(inner, manager, ids, {
        action: DeviceAction.MISSING,
        from: ON_SHELF,
        heldBy: reconciliation.refurbisherId,
        detail: `not found by the stock count of ${when}`,
      });
      const goneIds = new Set(gone.map((d) => d.deviceId));
      const released = links.filter((l) => goneIds.has(l.deviceId));
      if (released.length) {
        // The devices are MISSING already: release only ends the links and shrinks the allocations.
        await this.orders.release(inner, manager, released, 'DEVICE_GONE', 'not found by a stock count');
        await this.orders.refreshStatuses(
          manager,
          released.map((l) => l.orderId),
        );
        await this.outbox.enqueue(manager, matchRegionRequest(reconciliation.regionId, this.config.matchingDebounceMs));
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
      return manager.getRepository(Reconciliation).findOneByOrFail({ id: reconciliation.id });
    });
  }

  /** The live, unshipped order links of these devices, locked with their orders and lines first. */
  private async lockReservations(manager: EntityManager, deviceIds: readonly string[]): Promise<OrderLineDevice[]> {
    if (!deviceIds.length) return [];
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
