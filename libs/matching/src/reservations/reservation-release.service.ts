import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { OrderLedger, ORDERS_CONFIG, OrdersConfig } from '@app/orders';
import { Device } from '@app/refurbishing';
import { lockLiveReservations } from './live-reservation';

/**
 * The refurbisher holding a reserved device gives it back (it cannot ship it for that line: a
 * promise elsewhere, a doubt it will check): the device is IN_STOCK again (custody event, stock
 * counters), the line asks for a device again, the order is re-derived and the region re-matched.
 * The re-match may give the device to another line, or to the same one if it is still the best.
 */
@Injectable()
export class ReservationReleaseService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  release(ctx: RequestContext, deviceId: string, reason: string): Promise<Device> {
    return this.tx.run(ctx, async (inner, manager) => {
      const device = await manager.getRepository(Device).findOne({ where: { id: deviceId } });
      if (!device) throw new NotFoundError('Device', deviceId);
      ActAccess.assert(ctx, 'Device', 'releaseReservation', device, 'Device');
      const [link] = await lockLiveReservations(this.ledger, manager, [deviceId]);
      await this.ledger.release(inner, manager, [link], 'RELEASED', `reservation released by its refurbisher: ${reason}`);
      await this.ledger.refreshStatuses(manager, [link.orderId]);
      await this.outbox.enqueue(manager, matchRegionRequest(device.regionId, this.config.matchingDebounceMs));
      return manager.getRepository(Device).findOneByOrFail({ id: deviceId });
    });
  }
}
