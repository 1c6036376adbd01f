import { Injectable } from '@nestjs/common';
import { Caller, groupedByKey, RequestContext, requestLoader } from '@app/common';
import { TransactionRunner } from '@app/database';
import { EntityManager, In } from 'typeorm';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PickupChange } from '../entities/pickup-change.entity';

export interface PickupChangeEntry {
  pickupId: string;
  kind: PickupChangeKind;
  fromScheduledAt?: Date | null;
  toScheduledAt?: Date | null;
  reason?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The append-only history of pickups (pickup_change). Every command that changes a pickup writes
 * its entry here in its own transaction, so the history never disagrees with the pickup.
 */
@Injectable()
export class PickupHistory {
  constructor(private readonly tx: TransactionRunner) {}

  /** Entries made by the caller (its user and organization); the platform's context records neither. */
  async record(manager: EntityManager, caller: Caller | null, entries: readonly PickupChangeEntry[]): Promise<void> {
    if (!entries.length) return;
    // the system context's user is the word "system", not a row of "user"
    const actorUserId = caller && UUID.test(caller.userId) ? caller.userId : null;
    const organizationId = actorUserId ? caller!.organizationId : null;
    await manager.getRepository(PickupChange).insert(
      entries.map((e) => ({
        pickupId: e.pickupId,
        kind: e.kind,
        fromScheduledAt: e.fromScheduledAt ?? null,
        toScheduledAt: e.toScheduledAt ?? null,
        reason: e.reason ?? null,
        actorUserId,
        organizationId,
      })),
    );
  }

  /** Pickup.history, oldest first, batched per request. The pickup itself was read under its rule; its history follows it. */
  of(ctx: RequestContext, pickupId: string): Promise<PickupChange[]> {
    return requestLoader<string, PickupChange[]>(ctx, 'pickup-history', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(PickupChange)
          .find({ where: { pickupId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (c) => c.pickupId,
      ),
    ).load(pickupId);
  }
}
