import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EventPhase, TransactionEvents } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { ReservationsWithdrawn } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { ORDERS_CONFIG, OrdersConfig } from '../orders-config';
import { OrderLedger } from '../services/order-ledger.service';

/**
 * A reserved device taken off the shelf by the workshop (found broken) leaves its order: the link
 * ends (DEVICE_GONE), the device goes back IN_STOCK for the workshop to move on, the line's
 * allocation shrinks, the order is re-derived (ALLOCATED -> OPEN) and its region is matched again,
 * all in the workshop's transaction.
 */
@Injectable()
export class ReservationsWithdrawnSubscriber implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly ledger: OrderLedger,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(ReservationsWithdrawn, 'orders.release-withdrawn', EventPhase.OWNER, (manager, event) => this.release(manager, event));
  }

  private async release(manager: EntityManager, event: ReservationsWithdrawn): Promise<void> {
    const orders: Array<{ id: string; region_id: string }> = await manager.query(
      `SELECT DISTINCT o.id, o.region_id FROM order_line_device x JOIN partner_order o ON o.id = x.order_id
        WHERE x.device_id = ANY($1::uuid[]) AND x.released_at IS NULL AND x.shipped_at IS NULL ORDER BY o.id`,
      [[...event.deviceIds]],
    );
    if (!orders.length) return;
    // the order every order command takes: orders, their lines, the links, then the devices (in release)
    const orderIds = orders.map((o) => o.id);
    await this.ledger.lockOrders(manager, orderIds);
    await this.ledger.lockLines(manager, orderIds);
    const links = await manager
      .getRepository(OrderLineDevice)
      .createQueryBuilder('x')
      .where('x.device_id = ANY(:ids) AND x.released_at IS NULL AND x.shipped_at IS NULL', { ids: [...event.deviceIds] })
      .orderBy('x.device_id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    if (!links.length) return;
    await this.ledger.release(event.ctx, manager, links, 'DEVICE_GONE', event.reason);
    await this.ledger.refreshStatuses(manager, orderIds);
    for (const regionId of [...new Set(orders.map((o) => o.region_id))].sort()) {
      await this.outbox.enqueue(manager, matchRegionRequest(regionId, this.config.matchingDebounceMs));
    }
  }
}
