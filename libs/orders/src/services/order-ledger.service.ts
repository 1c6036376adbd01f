import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { DeviceStockService } from '@app/refurbishing';
import { TransactionEvents } from '@app/database';
import { EntityManager, In } from 'typeorm';
import { ORDER_MACHINE } from '../entities/order-status';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { OrderLine } from '../entities/order-line.entity';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrderAllocationsChanged } from '../events/order-allocations-changed.event';
import { deriveOrderStatus } from '../policies/order-status.policy';

/** A device matching decided to give to a line. */
export interface Reservation {
  deviceId: string;
  lineId: string;
  orderId: string;
  partnerId: string;
}

export type ReleaseReason = 'CANCELLED' | 'STALE' | 'DEVICE_GONE' | 'RELEASED' | 'REFUSED' | 'SWAPPED';

/** Each line counter stays between these (SQL over the order_line row `l`). */
const COUNTER_BOUNDS = {
  allocated_quantity: { lower: 'l.shipped_quantity', upper: 'l.quantity' },
  shipped_quantity: { lower: 'l.delivered_quantity', upper: 'l.allocated_quantity' },
  delivered_quantity: { lower: '0', upper: 'l.shipped_quantity' },
} as const;

/**
 * The bookkeeping every use case that moves devices on orders shares: locks (always order, then
 * its lines, then devices, so that two commands cannot deadlock), the device links and the line
 * counters, the derived order status, references. Always inside the caller's transaction; device
 * statuses, custody events and stock counters move through the refurbishing stock service.
 * Custody details never name the order: donors read their devices' chain of custody, and whom a
 * device went to is the partner's and staff's business (the link is here, in order_line_device).
 */
@Injectable()
export class OrderLedger {
  constructor(
    private readonly stock: DeviceStockService,
    private readonly events: TransactionEvents,
  ) {}

  async nextReference(manager: EntityManager): Promise<string> {
    const [row] = await manager.query(`SELECT nextval('partner_order_reference_seq') AS n`);
    return `ORD-${new Date().getUTCFullYear()}-${String(row.n).padStart(6, '0')}`;
  }

  async lockOrder(manager: EntityManager, id: string): Promise<PartnerOrder | null> {
    return manager.getRepository(PartnerOrder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks these orders in id order, in one statement (a resolution may touch hundreds). */
  async lockOrders(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query(`SELECT id FROM partner_order WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...new Set(ids)].sort()]);
  }

  async lockLines(manager: EntityManager, orderIds: readonly string[]): Promise<OrderLine[]> {
    if (!orderIds.length) return [];
    return manager
      .getRepository(OrderLine)
      .createQueryBuilder('l')
      .where('l.order_id IN (:...orderIds)', { orderIds: [...orderIds] })
      .orderBy('l.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * The order's live device links among these devices, locked; NOT_FOUND for any that has none
   * (or, with heldBy, whose device that refurbisher does not hold).
   */
  async lockLiveLinks(manager: EntityManager, orderId: string, deviceIds: readonly string[], heldBy?: string): Promise<OrderLineDevice[]> {
    const qb = manager
      .getRepository(OrderLineDevice)
      .createQueryBuilder('x')
      .where('x.order_id = :orderId AND x.device_id IN (:...deviceIds) AND x.released_at IS NULL', { orderId, deviceIds: [...deviceIds] });
    if (heldBy) qb.andWhere('x.device_id IN (SELECT h.id FROM device h WHERE h.refurbisher_id = :heldBy)', { heldBy });
    const links = await qb.orderBy('x.device_id', 'ASC').setLock('pessimistic_write').getMany();
    const missing = deviceIds.find((id) => !links.some((l) => l.deviceId === id));
    if (missing) throw new NotFoundError('Device', missing);
    return links;
  }

  /**
   * Reserves what matching decided, in the caller's transaction. A device is taken only if it is
   * still IN_STOCK when its row lock is granted (the stock service's `… WHERE status = 'IN_STOCK'
   * ORDER BY id FOR UPDATE` re-checks the condition after waiting), so a device another transaction
   * reserved, shipped or declared missing meanwhile is skipped, never taken twice. The stock
   * service moves them to RESERVED with their custody events and counters, and the line counters
   * grow by a conditional UPDATE that cannot pass the line's quantity. Set-based: a handful of
   * statements whatever the number of devices. Returns the reservations made.
   */
  async reserve(ctx: RequestContext, manager: EntityManager, wanted: readonly Reservation[], detail: string): Promise<Reservation[]> {
    if (!wanted.length) return [];
    const free = new Set(
      await this.stock.reserveInStock(
        ctx.withManager(manager),
        wanted.map((w) => w.deviceId),
        detail,
      ),
    );
    const made = wanted.filter((w) => free.has(w.deviceId));
    if (!made.length) return [];
    await manager.query(
      `INSERT INTO order_line_device (order_line_id, order_id, partner_id, device_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])`,
      [made.map((m) => m.lineId), made.map((m) => m.orderId), made.map((m) => m.partnerId), made.map((m) => m.deviceId)],
    );
    await this.moveCounter(
      manager,
      'allocated_quantity',
      countBy(made, (m) => m.lineId),
    );
    await this.refreshStatuses(
      manager,
      made.map((m) => m.orderId),
    );
    return made;
  }

  /**
   * Ends these live links (none of them shipped): devices still RESERVED go back IN_STOCK through
   * the stock service, the links stay as history, the lines' allocations shrink. The orders'
   * statuses are the caller's to refresh (a cancellation sets its own).
   */
  async release(ctx: RequestContext, manager: EntityManager, links: readonly OrderLineDevice[], reason: ReleaseReason, detail: string): Promise<void> {
    if (!links.length) return;
    const shipped = links.find((l) => l.shippedAt !== null);
    if (shipped) {
      throw new ConflictError(
        'A shipped device cannot go back to stock: confirm its delivery, then ask the refurbisher to take it back',
        { deviceId: shipped.deviceId },
        ErrorReason.DEVICE_ALREADY_SHIPPED,
      );
    }
    const reserved: Array<{ id: string }> = await manager.query(
      `SELECT id FROM device WHERE id = ANY($1::uuid[]) AND status = 'RESERVED' ORDER BY id FOR UPDATE`,
      [links.map((l) => l.deviceId)],
    );
    if (reserved.length)
      await this.stock.unreserve(
        ctx.withManager(manager),
        reserved.map((r) => r.id),
        detail,
      );
    await manager.query(`UPDATE order_line_device SET released_at = now(), release_reason = $2 WHERE id = ANY($1::bigint[]) AND released_at IS NULL`, [
      links.map((l) => l.id),
      reason,
    ]);
    await this.moveCounter(
      manager,
      'allocated_quantity',
      countBy(links, (l) => l.orderLineId),
      -1,
    );
  }

  /**
   * Ends the link of a device the partner refused when it was handed over: it was shipped, so the
   * line gives back a shipped unit and an allocated one (in that order: the counters' bounds hold
   * at each step) and asks for a device again. The device itself goes back to its workshop through
   * refurbishing. A delivered device is the person's: this is not the way back for it.
   */
  async releaseRefusedAtDelivery(manager: EntityManager, link: OrderLineDevice): Promise<void> {
    if (!link.shippedAt || link.deliveredAt) {
      throw new ConflictError(
        'Only a device shipped and not yet confirmed delivered can be refused at delivery',
        { deviceId: link.deviceId },
        ErrorReason.DEVICE_NOT_AT_DELIVERY,
      );
    }
    await manager.query(
      `UPDATE order_line_device SET released_at = now(), release_reason = 'REFUSED' WHERE id = $1 AND released_at IS NULL AND delivered_at IS NULL`,
      [link.id],
    );
    const line = new Map([[link.orderLineId, 1]]);
    await this.moveCounter(manager, 'shipped_quantity', line, -1);
    await this.moveCounter(manager, 'allocated_quantity', line, -1);
  }

  /** Marks these live links shipped or delivered and moves their lines' counters. */
  async markLinks(manager: EntityManager, links: readonly OrderLineDevice[], step: 'shipped' | 'delivered'): Promise<void> {
    if (!links.length) return;
    await manager.query(`UPDATE order_line_device SET ${step}_at = now() WHERE id = ANY($1::bigint[])`, [links.map((l) => l.id)]);
    await this.moveCounter(
      manager,
      `${step}_quantity`,
      countBy(links, (l) => l.orderLineId),
    );
  }

  /**
   * Moves one counter of several lines in one statement. The WHERE keeps every counter within
   * its bounds (delivered <= shipped <= allocated <= quantity; the CHECK says the same); if a line
   * would leave them it is not updated and the whole command fails, so a line never holds more
   * devices than it asks for.
   */
  private async moveCounter(manager: EntityManager, column: keyof typeof COUNTER_BOUNDS, byLine: Map<string, number>, sign: 1 | -1 = 1): Promise<void> {
    const ids = [...byLine.keys()].sort();
    const deltas = ids.map((id) => sign * byLine.get(id)!);
    const { lower, upper } = COUNTER_BOUNDS[column];
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE order_line l SET ${column} = l.${column} + v.delta
         FROM unnest($1::uuid[], $2::int[]) AS v(id, delta)
        WHERE l.id = v.id AND l.${column} + v.delta BETWEEN ${lower} AND ${upper}`,
      [ids, deltas],
    );
    if (affected !== ids.length) {
      throw new ConflictError(
        `An order line's ${column.replace('_', ' ')} would leave its bounds; nothing was changed: try again`,
        { column },
        ErrorReason.CONCURRENT_CHANGE,
      );
    }
    if (column === 'allocated_quantity') await this.events.record(manager, new OrderAllocationsChanged(new Map(ids.map((id, i) => [id, deltas[i]!]))));
  }

  /**
   * Re-derives these orders' statuses from their lines and writes those that changed, through the
   * machine, in one statement (order rows locked in id order, as every order command takes them).
   */
  async refreshStatuses(manager: EntityManager, orderIds: readonly string[]): Promise<void> {
    const ids = [...new Set(orderIds)].sort();
    if (!ids.length) return;
    const orders = await manager.getRepository(PartnerOrder).find({ where: { id: In(ids) } });
    const linesOf = new Map<string, OrderLine[]>();
    for (const line of await manager.getRepository(OrderLine).find({ where: { orderId: In(ids) } })) {
      linesOf.set(line.orderId, [...(linesOf.get(line.orderId) ?? []), line]);
    }
    const changed: Array<{ id: string; status: PartnerOrder['status'] }> = [];
    for (const order of orders) {
      const next = deriveOrderStatus({ cancelled: order.cancelledAt !== null, lines: linesOf.get(order.id) ?? [] });
      if (next === order.status) continue;
      ORDER_MACHINE.assertTransition(order.status, next);
      changed.push({ id: order.id, status: next });
    }
    if (!changed.length) return;
    changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await manager.query(
      `WITH locked AS (SELECT id FROM partner_order WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)
       UPDATE partner_order o SET status = v.status, version = o.version + 1
         FROM unnest($1::uuid[], $2::order_status[]) AS v(id, status) JOIN locked USING (id)
        WHERE o.id = v.id`,
      [changed.map((c) => c.id), changed.map((c) => c.status)],
    );
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
