import { Injectable, OnModuleInit } from '@nestjs/common';
import { deferUntilCommit, EventPhase, TransactionEvents } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { DeviceStatus, DeviceStatusesChanged } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { OrdersCancelled } from '../events/orders-cancelled.event';
import { Need } from './need.entity';
import { NeedStatus } from './need-status';
import { waitingOrder } from './waiting-list.policy';

/**
 * Keeps needs in step with their orders, in the order command's transaction, without the order
 * commands knowing about needs. A device delivered on a line made of needs serves one of them:
 * the need under the reference the partner gave that device at delivery, or else the line's first
 * in waiting-list order. The matching is done just before the commit, once the delivery has
 * written its references. A cancelled order sends its needs back to the waiting list, with their
 * age.
 */
@Injectable()
export class NeedsServedSubscriber implements OnModuleInit {
  /** per open transaction: the devices delivered so far */
  private readonly delivered = new WeakMap<EntityManager, Set<string>>();

  constructor(
    private readonly events: TransactionEvents,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(DeviceStatusesChanged, 'orders.needs-served', EventPhase.OWNER, (manager, event) => this.onDelivered(manager, event));
    this.events.subscribe(OrdersCancelled, 'orders.needs-back-to-waiting', EventPhase.OWNER, (manager, event) => this.backToWaiting(manager, event.orderIds));
  }

  private async onDelivered(manager: EntityManager, event: DeviceStatusesChanged): Promise<void> {
    const ids = event.changes.filter((c) => c.to === DeviceStatus.DELIVERED).map((c) => c.deviceId);
    if (!ids.length) return;
    const pending = this.delivered.get(manager) ?? new Set<string>();
    this.delivered.set(manager, pending);
    ids.forEach((id) => pending.add(id));
    const deferred = deferUntilCommit(manager, 'orders.needs-served', async () => {
      this.delivered.delete(manager);
      await this.serve(manager, [...pending].sort());
    });
    if (!deferred) {
      this.delivered.delete(manager);
      await this.serve(manager, [...pending].sort());
    }
  }

  private async serve(manager: EntityManager, deviceIds: string[]): Promise<void> {
    const deliveries: Array<{ device_id: string; order_line_id: string; reference: string | null }> = await manager.query(
      `SELECT x.device_id, x.order_line_id, br.reference
         FROM order_line_device x
         LEFT JOIN beneficiary_reference br ON br.device_id = x.device_id
        WHERE x.device_id = ANY($1::uuid[]) AND x.released_at IS NULL AND x.delivered_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM need s WHERE s.served_device_id = x.device_id AND s.order_line_id = x.order_line_id)
        ORDER BY x.device_id`,
      [deviceIds],
    );
    if (!deliveries.length) return;
    const lineIds = [...new Set(deliveries.map((d) => d.order_line_id))];
    const waiting = await manager
      .getRepository(Need)
      .createQueryBuilder('n')
      .where('n.order_line_id IN (:...lineIds) AND n.status = :ordered', { lineIds, ordered: NeedStatus.ORDERED })
      .orderBy('n.id')
      .setLock('pessimistic_write')
      .getMany();
    const left = [...waiting].sort(waitingOrder);
    // references first: a device given under a need's reference serves that need, whatever the order
    const served = new Map<string, Need>();
    for (const d of deliveries) {
      const i = left.findIndex((n) => n.orderLineId === d.order_line_id && d.reference !== null && n.beneficiaryRef === d.reference);
      if (i >= 0) served.set(d.device_id, left.splice(i, 1)[0]!);
    }
    for (const d of deliveries) {
      if (served.has(d.device_id)) continue;
      const i = left.findIndex((n) => n.orderLineId === d.order_line_id);
      if (i >= 0) served.set(d.device_id, left.splice(i, 1)[0]!);
    }
    for (const [deviceId, need] of served) {
      await manager.update(Need, { id: need.id, status: NeedStatus.ORDERED }, { status: NeedStatus.SERVED, servedAt: new Date(), servedDeviceId: deviceId });
    }
    await this.outbox.enqueue(manager, ...[...served.values()].map((need) => notificationRequest(NotificationEvent.NEED_SERVED, { needId: need.id })));
  }

  private async backToWaiting(manager: EntityManager, orderIds: readonly string[]): Promise<void> {
    if (!orderIds.length) return;
    await manager.query(
      `UPDATE need SET status = 'WAITING', order_id = NULL, order_line_id = NULL
        WHERE id IN (SELECT id FROM need WHERE order_id = ANY($1::uuid[]) AND status = 'ORDERED' ORDER BY id FOR UPDATE)`,
      [[...orderIds]],
    );
  }
}
