import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { OrderLineDevice, ORDERS_CONFIG, OrdersConfig, OrderLedger } from '@app/orders';

export interface ReleasedReservations {
  /** links ended: devices back IN_STOCK, plus links whose device had gone (MISSING) */
  released: number;
  orderIds: string[];
}

/**
 * A reservation the refurbisher has not shipped within `reservationTtlDays` goes back to stock, so
 * that a device does not sit on a shelf for a line that will not take it; the line's allocation
 * shrinks and its order is OPEN again. The same pass ends links whose device left RESERVED by
 * another way (declared MISSING by a stock count), so that the line asks for a device again.
 * One transaction per order; idempotent: a second pass finds nothing.
 */
@Injectable()
export class StaleReservationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: OrderLedger,
    private readonly outbox: OutboxService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async releaseStale(ctx: RequestContext, now = new Date()): Promise<ReleasedReservations> {
    const cutoff = new Date(now.getTime() - this.config.reservationTtlDays * 86_400_000);
    const candidates: Array<{ order_id: string }> = await this.tx.manager(ctx).query(
      `SELECT DISTINCT x.order_id FROM order_line_device x JOIN device d ON d.id = x.device_id
        WHERE x.released_at IS NULL AND x.shipped_at IS NULL AND (x.reserved_at < $1 OR d.status <> 'RESERVED')
        ORDER BY x.order_id`,
      [cutoff],
    );
    let released = 0;
    const orderIds: string[] = [];
    for (const { order_id } of candidates) {
      const count = await this.tx.run(ctx, async (inner, manager) => {
        const order = await this.ledger.lockOrder(manager, order_id);
        if (!order) return 0;
        await this.ledger.lockLines(manager, [order.id]);
        const links = await manager
          .getRepository(OrderLineDevice)
          .createQueryBuilder('x')
          .where('x.order_id = :id AND x.released_at IS NULL AND x.shipped_at IS NULL', { id: order.id })
          .orderBy('x.device_id', 'ASC')
          .setLock('pessimistic_write')
          .getMany();
        if (!links.length) return 0;
        const statuses: Array<{ id: string; status: string }> = await manager.query(`SELECT id, status FROM device WHERE id = ANY($1::uuid[])`, [
          links.map((l) => l.deviceId),
        ]);
        const reserved = new Set(statuses.filter((s) => s.status === 'RESERVED').map((s) => s.id));
        const gone = links.filter((l) => !reserved.has(l.deviceId));
        const stale = links.filter((l) => reserved.has(l.deviceId) && l.reservedAt < cutoff);
        await this.ledger.release(inner, manager, stale, 'STALE', `not shipped within ${this.config.reservationTtlDays} days`);
        await this.ledger.release(inner, manager, gone, 'DEVICE_GONE', 'device no longer reserved');
        if (!stale.length && !gone.length) return 0;
        await this.ledger.refreshStatuses(manager, [order.id]);
        await this.outbox.enqueue(manager, matchRegionRequest(order.regionId, this.config.matchingDebounceMs));
        return stale.length + gone.length;
      });
      if (count) {
        released += count;
        orderIds.push(order_id);
      }
    }
    return { released, orderIds };
  }
}
