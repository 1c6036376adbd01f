import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, JobHandler, NotificationEvent, notificationRequest, OutboxService, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';

/** How long before its offer lapses a refurbisher is warned. */
export const OFFER_WARNING_HOURS = 12;

/**
 * Every 15 minutes: OFFERED lots whose offer lapses within 12 h are told once. Once per lot: the
 * request's job id (the event key) is the lot's, so BullMQ keeps one job and the notification
 * rows one per person; a lot already told is not asked again.
 */
@Injectable()
@Job({ name: 'warn-expiring-offers', queue: QueueName.NOTIFICATIONS })
export class WarnExpiringOffersJob implements JobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  handle(): Promise<{ warned: number }> {
    return this.dataSource.transaction(async (manager) => {
      const lots: Array<{ id: string; offer_expires_at: Date }> = await manager.query(
        `SELECT l.id, l.offer_expires_at FROM lot l
          WHERE l.status = 'OFFERED' AND l.offer_expires_at > now() AND l.offer_expires_at <= now() + make_interval(hours => $1)
            AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.event_key = 'offer-expiring-' || l.id)
          ORDER BY l.id`,
        [OFFER_WARNING_HOURS],
      );
      await this.outbox.enqueue(
        manager,
        ...lots.map((l) =>
          notificationRequest(NotificationEvent.OFFER_EXPIRING, { lotId: l.id, offerExpiresAt: l.offer_expires_at.toISOString() }, `offer-expiring-${l.id}`),
        ),
      );
      return { warned: lots.length };
    });
  }
}
