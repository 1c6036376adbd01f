import { BadInputError, ConflictError, ErrorReason } from '@app/common';
import { LOT_MACHINE, LotStatus } from '@app/donations';
import { PickupStatus } from '../entities/pickup-status';

/** What scheduling does to the lot: a claimed lot advances; a lot whose pickup was missed keeps its status. */
export type LotStepOnSchedule = 'ADVANCE' | 'KEEP';

/**
 * May this lot get a new pickup? A CLAIMED lot may (it becomes PICKUP_SCHEDULED); a
 * PICKUP_SCHEDULED lot only when its latest pickup was MISSED (DESIGN.md: "a missed pickup may
 * be scheduled again"). Anything else is CONFLICT, with the reason.
 */
export function lotStepOnSchedule(lot: { id?: string; reference: string; status: LotStatus }, latestPickup: PickupStatus | null): LotStepOnSchedule {
  if (lot.status !== LotStatus.PICKUP_SCHEDULED) LOT_MACHINE.assertTransition(lot.status, LotStatus.PICKUP_SCHEDULED);
  if (latestPickup === PickupStatus.SCHEDULED) {
    throw new ConflictError(
      `Lot ${lot.reference} already has a scheduled pickup: reschedule it instead`,
      { lotId: lot.id, status: lot.status },
      ErrorReason.PICKUP_ALREADY_SCHEDULED,
    );
  }
  if (lot.status === LotStatus.CLAIMED) return 'ADVANCE';
  if (latestPickup === PickupStatus.MISSED) return 'KEEP';
  throw new ConflictError(
    `Lot ${lot.reference}: only a missed pickup may be scheduled again; reschedule the current one instead`,
    { lotId: lot.id, status: lot.status },
    ErrorReason.PICKUP_ONLY_AFTER_MISS,
  );
}

/** A pickup is neither in the past nor before the donor said the equipment is available. */
export function assertSchedulingDate(scheduledAt: Date, availableFrom: Date, now: Date): void {
  if (Number.isNaN(scheduledAt.getTime())) throw new BadInputError('scheduledAt is not a valid date', { field: 'scheduledAt' }, ErrorReason.INVALID_DATE);
  if (scheduledAt.getTime() < now.getTime()) {
    throw new BadInputError(
      `scheduledAt ${scheduledAt.toISOString()} is in the past: choose a date to come`,
      { field: 'scheduledAt', given: scheduledAt.toISOString() },
      ErrorReason.DATE_IN_PAST,
    );
  }
  if (scheduledAt.getTime() < availableFrom.getTime()) {
    throw new BadInputError(
      `scheduledAt ${scheduledAt.toISOString()} is before the donation is available (${availableFrom.toISOString()}): choose a date on or after it`,
      { field: 'scheduledAt', availableFrom: availableFrom.toISOString(), scheduledAt: scheduledAt.toISOString() },
      ErrorReason.PICKUP_BEFORE_AVAILABILITY,
    );
  }
}
