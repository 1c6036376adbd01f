import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { LotStatus, Lot } from '@app/donations';
import { EntityManager, In } from 'typeorm';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PickupStatus } from '../entities/pickup-status';
import { Pickup } from '../entities/pickup.entity';
import { missedCutoff, tomorrowUtc } from '../policies/pickup-calendar';
import { PickupHistory } from './pickup-history.service';

/**
 * The daily pickup sweep (DESIGN.md job "pickup-reminders"). Each method is one transaction and
 * one conditional UPDATE, so it is idempotent and two workers running it at once never act
 * twice on a pickup: the row lock makes the second re-check its WHERE and skip the row.
 */
@Injectable()
export class PickupReminderService {
  private readonly logger = new Logger(PickupReminderService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly history: PickupHistory,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Scheduled pickups due tomorrow (UTC day) that nobody was reminded of: marked reminded and
   * returned. The donor and the refurbisher are told through the outbox, in this same
   * transaction: a reminder is marked if and only if its message will go.
   */
  async remindDueTomorrow(ctx: RequestContext, now: Date = new Date()): Promise<Pickup[]> {
    assertPlatform(ctx);
    const { from, to } = tomorrowUtc(now);
    const { pickups, lots } = await this.tx.run(ctx, async (_, manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Pickup)
        .set({ remindedAt: now })
        .where('status = :scheduled AND reminded_at IS NULL AND scheduled_at >= :from AND scheduled_at < :to', { scheduled: PickupStatus.SCHEDULED, from, to })
        .andWhere(LOT_IN_STATUS, { lotStatus: LotStatus.PICKUP_SCHEDULED })
        .returning(['id'])
        .execute();
      const due = await this.withLots(manager, idsOf(result.raw));
      await this.outbox.enqueue(
        manager,
        ...due.pickups.map((p) => notificationRequest(NotificationEvent.PICKUP_REMINDER, { pickupId: p.id, scheduledAt: p.scheduledAt.toISOString() })),
      );
      return due;
    });
    // the people are told by the notifications; the line says what the sweep did, for operators
    for (const pickup of pickups) {
      const lot = lots.get(pickup.lotId);
      this.logger.log(`pickup reminder sent: lot ${lot?.reference} is to be collected at ${pickup.scheduledAt.toISOString()} (pickup ${pickup.id})`);
    }
    return pickups;
  }

  /**
   * Scheduled pickups more than 24 h past their time become MISSED. The lot stays
   * PICKUP_SCHEDULED, so its refurbisher can reschedule, cancel or schedule it again. Each is
   * written in its pickup's history as the platform's. Returns the ids it changed.
   */
  async markOverdueMissed(ctx: RequestContext, now: Date = new Date()): Promise<string[]> {
    assertPlatform(ctx);
    const ids = await this.tx.run(ctx, async (_, manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Pickup)
        .set({ status: PickupStatus.MISSED })
        .where('status = :scheduled AND scheduled_at < :cutoff', { scheduled: PickupStatus.SCHEDULED, cutoff: missedCutoff(now) })
        .andWhere(LOT_IN_STATUS, { lotStatus: LotStatus.PICKUP_SCHEDULED })
        .returning('id, scheduled_at')
        .execute();
      const missed = result.raw as Array<{ id: string; scheduled_at: Date }>;
      await this.history.record(
        manager,
        null,
        missed.map((p) => ({ pickupId: p.id, kind: PickupChangeKind.MISSED, fromScheduledAt: p.scheduled_at })),
      );
      await this.outbox.enqueue(manager, ...missed.map((p) => notificationRequest(NotificationEvent.PICKUP_MISSED, { pickupId: p.id })));
      return idsOf(missed);
    });
    if (ids.length) this.logger.log(`pickups missed (more than 24 h overdue): ${ids.join(', ')}`);
    return ids;
  }

  private async withLots(manager: EntityManager, ids: string[]): Promise<{ pickups: Pickup[]; lots: Map<string, Lot> }> {
    if (!ids.length) return { pickups: [], lots: new Map() };
    const pickups = await manager.getRepository(Pickup).find({ where: { id: In(ids) }, order: { scheduledAt: 'ASC', id: 'ASC' } });
    const lots = await manager.getRepository(Lot).find({ where: { id: In(pickups.map((p) => p.lotId)) } });
    return { pickups, lots: new Map(lots.map((l) => [l.id, l])) };
  }
}

/**
 * The pickup's lot is in :lotStatus. Written with a quoted table name and an alias on purpose:
 * the update builder rewrites a bare `lot` (the relation's property name) into `lot_id`.
 */
const LOT_IN_STATUS = 'EXISTS (SELECT 1 FROM "lot" sl WHERE sl.id = pickup.lot_id AND sl.status = :lotStatus)';

/** The sweep acts on every region at once: the platform's (system) context only. */
function assertPlatform(ctx: RequestContext): void {
  ActAccess.assertRole(ctx, 'Region', 'sweepPickups');
}

function idsOf(raw: unknown): string[] {
  return (raw as Array<{ id: string }>).map((r) => r.id);
}
