import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { DeviceStockService } from '@app/refurbishing';
import { ShipDevicesInput } from '../dto/order.inputs';
import { ORDER_MACHINE } from '../entities/order-status';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrderLedger } from './order-ledger.service';

/**
 * The refurbisher holding reserved devices ships them to the order's partner: RESERVED -> SHIPPED
 * (stock service: custody event, counters), the lines count them, the order's status follows.
 * A refurbisher acts only on the devices it holds; any other id answers NOT_FOUND.
 */
@Injectable()
export class OrderShippingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly stock: DeviceStockService,
    private readonly outbox: OutboxService,
  ) {}

  ship(ctx: RequestContext, input: ShipDevicesInput): Promise<PartnerOrder> {
    assertDistinct(input.deviceIds);
    const refurbisherId = ctx.organizationId;
    return this.tx.run(ctx, async (inner, manager) => {
      const order = await this.ledger.lockOrder(manager, input.orderId);
      if (!order) throw new NotFoundError('Order', input.orderId);
      await ActAccess.assertPermitted(ctx, manager, 'PartnerOrder', 'ship', order.id, 'Order');
      if (ORDER_MACHINE.isTerminal(order.status)) {
        throw new ConflictError(
          `Order ${order.reference}: ${order.status} is final; nothing more can be shipped`,
          { entity: 'Order', state: order.status, orderId: order.id },
          ErrorReason.FINAL_STATE,
        );
      }
      await this.ledger.lockLines(manager, [order.id]);
      const links = await this.ledger.lockLiveLinks(manager, order.id, input.deviceIds, refurbisherId);
      await this.stock.ship(
        inner,
        links.map((l) => l.deviceId),
        'shipped to the partner of an order',
      );
      await this.ledger.markLinks(manager, links, 'shipped');
      await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.DEVICES_SHIPPED, { orderId: order.id, deviceCount: links.length }));
      await this.ledger.refreshStatuses(manager, [order.id]);
      return manager.getRepository(PartnerOrder).findOneByOrFail({ id: order.id });
    });
  }
}

export function assertDistinct(deviceIds: readonly string[]): void {
  const seen = new Set<string>();
  const twice = deviceIds.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (twice.length) {
    throw new BadInputError(
      `Devices given more than once: ${[...new Set(twice)].join(', ')}; name each device once`,
      { field: 'deviceIds', value: twice[0] },
      ErrorReason.DUPLICATE_VALUE,
    );
  }
}
