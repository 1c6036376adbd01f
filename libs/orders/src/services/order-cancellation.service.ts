import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { ORDER_MACHINE, OrderStatus } from '../entities/order-status';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrdersCancelled } from '../events/orders-cancelled.event';
import { ORDERS_CONFIG, OrdersConfig } from '../orders-config';
import { OrderLedger } from './order-ledger.service';

/**
 * OPEN or ALLOCATED -> CANCELLED, by the partner or staff of its region. Reserved devices go back
 * IN_STOCK (stock service: custody event, counters) and the region is matched again, since they
 * may serve another line. Once a device has left a refurbisher it is too late (CONFLICT).
 */
@Injectable()
export class OrderCancellationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly outbox: OutboxService,
    private readonly events: TransactionEvents,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  cancel(ctx: RequestContext, id: string): Promise<PartnerOrder> {
    return this.tx.run(ctx, async (inner, manager) => {
      const order = await this.ledger.lockOrder(manager, id);
      if (!order) throw new NotFoundError('Order', id);
      ActAccess.assert(ctx, 'PartnerOrder', 'cancel', order, 'Order');
      ORDER_MACHINE.assertTransition(order.status, OrderStatus.CANCELLED);
      const lines = await this.ledger.lockLines(manager, [order.id]);
      if (lines.some((l) => l.shippedQuantity > 0)) {
        throw new ConflictError(
          `Order ${order.reference}: devices were already shipped; it can no longer be cancelled (confirm the delivery instead)`,
          { orderId: order.id },
          ErrorReason.ORDER_ALREADY_SHIPPED,
        );
      }
      const links = await manager
        .getRepository(OrderLineDevice)
        .createQueryBuilder('x')
        .where('x.order_id = :id AND x.released_at IS NULL', { id: order.id })
        .orderBy('x.device_id', 'ASC')
        .setLock('pessimistic_write')
        .getMany();
      await this.ledger.release(inner, manager, links, 'CANCELLED', 'its order was cancelled');
      await manager.update(PartnerOrder, { id: order.id }, { cancelledAt: new Date() });
      await this.ledger.refreshStatuses(manager, [order.id]);
      await this.events.record(manager, new OrdersCancelled([order.id]));
      if (links.length) await this.outbox.enqueue(manager, matchRegionRequest(order.regionId, this.config.matchingDebounceMs));
      return manager.getRepository(PartnerOrder).findOneByOrFail({ id: order.id });
    });
  }
}
