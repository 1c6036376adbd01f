import { Injectable, OnModuleInit } from '@nestjs/common';
import { PasswordResetRequested } from '@app/auth';
import { EventPhase, TransactionEvents } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { DONATION_CANCELLED, PickupsCancelled, PickupsRescheduled } from '@app/logistics';
import { OrderAllocationsChanged } from '@app/orders';
import { EntityManager } from 'typeorm';

/**
 * The events the domains already record, turned into notification requests in the same
 * transaction (their outbox rows commit or roll back with the command). The commands that
 * record no event enqueue their request themselves, one line each (docs/notifications.md).
 */
@Injectable()
export class NotificationTriggers implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    const on = this.events.subscribe.bind(this.events);
    const name = 'notifications.triggers';
    on(PasswordResetRequested, name, EventPhase.PROJECTION, (manager, e) =>
      this.outbox.enqueue(
        manager,
        notificationRequest(NotificationEvent.PASSWORD_RESET, { userId: e.userId, link: e.link, expiresAt: e.expiresAt.toISOString() }),
      ),
    );
    on(PickupsRescheduled, name, EventPhase.PROJECTION, (manager, e) =>
      this.outbox.enqueue(
        manager,
        ...e.pickups.map((p) =>
          notificationRequest(NotificationEvent.PICKUP_RESCHEDULED, { pickupId: p.pickupId, from: p.from.toISOString(), scheduledAt: p.to.toISOString() }),
        ),
      ),
    );
    on(PickupsCancelled, name, EventPhase.PROJECTION, (manager, e) => this.pickupsCancelled(manager, e));
    on(OrderAllocationsChanged, name, EventPhase.PROJECTION, (manager, e) => this.allocated(manager, e));
  }

  /** A donor's cancellation is one message per donation to the refurbishers it stands up; any other cancellation, one per pickup. */
  private async pickupsCancelled(manager: EntityManager, e: PickupsCancelled): Promise<void> {
    if (e.reason !== DONATION_CANCELLED) {
      await this.outbox.enqueue(
        manager,
        ...e.pickups.map((p) => notificationRequest(NotificationEvent.PICKUP_CANCELLED, { pickupId: p.pickupId, reason: e.reason })),
      );
      return;
    }
    const rows: Array<{ donation_id: string; pickup_ids: string[] }> = await manager.query(
      `SELECT l.donation_id, array_agg(p.id ORDER BY p.id) AS pickup_ids FROM pickup p JOIN lot l ON l.id = p.lot_id
        WHERE p.id = ANY($1::uuid[]) GROUP BY l.donation_id ORDER BY l.donation_id`,
      [e.pickups.map((p) => p.pickupId)],
    );
    await this.outbox.enqueue(
      manager,
      ...rows.map((r) => notificationRequest(NotificationEvent.DONATION_CANCELLED, { donationId: r.donation_id, pickupIds: r.pickup_ids })),
    );
  }

  /** Devices reserved for orders (a matching run, a swap): one message per order that gained some, saying whether it is now complete. */
  private async allocated(manager: EntityManager, e: OrderAllocationsChanged): Promise<void> {
    const gained = [...e.deltaByLineId].filter(([, delta]) => delta > 0).map(([lineId]) => lineId);
    if (!gained.length) return;
    const orders: Array<{ order_id: string; complete: boolean }> = await manager.query(
      `SELECT o.order_id, NOT EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.order_id AND l.allocated_quantity < l.quantity) AS complete
         FROM (SELECT DISTINCT order_id FROM order_line WHERE id = ANY($1::uuid[])) o ORDER BY o.order_id`,
      [gained],
    );
    await this.outbox.enqueue(
      manager,
      ...orders.map((o) => notificationRequest(NotificationEvent.ORDER_ALLOCATED, { orderId: o.order_id, complete: o.complete })),
    );
  }
}
