import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { OrderLedger, ORDERS_CONFIG, OrdersConfig, PartnerOrder } from '@app/orders';
import { DeviceAction, DeviceLedger } from '@app/refurbishing';
import { lockLiveReservations } from './live-reservation';

/**
 * The partner refuses a device of its order when it is handed over (it does not work, it is not
 * what the person needs), or before it is shipped. The device leaves the line (REFUSED), goes back
 * to its refurbisher's workbench (RECEIVED, the workshop's "back to workshop" transition, so that
 * it is checked and graded again before anyone else gets it), the line asks for a device again
 * (a shipped order is OPEN again) and the region is re-matched. Each step writes its custody event.
 * A device already confirmed delivered is the person's: it is not refused here.
 */
@Injectable()
export class DeviceRefusalService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly devices: DeviceLedger,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  refuse(ctx: RequestContext, orderId: string, deviceId: string, reason: string): Promise<PartnerOrder> {
    return this.tx.run(ctx, async (inner, manager) => {
      const order = await manager.getRepository(PartnerOrder).findOne({ where: { id: orderId } });
      if (!order) throw new NotFoundError('Order', orderId);
      ActAccess.assert(ctx, 'PartnerOrder', 'refuseDevice', order, 'Order');
      const [link] = await lockLiveReservations(this.ledger, manager, [deviceId], true);
      if (link.orderId !== order.id) throw new NotFoundError('Device', deviceId);
      const detail = `refused by the partner: ${reason}`;
      if (link.shippedAt) await this.ledger.releaseRefusedAtDelivery(manager, link);
      else await this.ledger.release(inner, manager, [link], 'REFUSED', detail);
      const [device] = await this.devices.lock(manager, [deviceId]);
      await this.devices.apply(inner, manager, [{ device, action: DeviceAction.RETURNED_TO_WORKSHOP, detail }]);
      await this.ledger.refreshStatuses(manager, [order.id]);
      await this.outbox.enqueue(manager, matchRegionRequest(order.regionId, this.config.matchingDebounceMs));
      return manager.getRepository(PartnerOrder).findOneByOrFail({ id: order.id });
    });
  }
}
