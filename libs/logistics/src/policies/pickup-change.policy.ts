import { BadInputError, ConflictError, ErrorReason } from '@app/common';
import { PickupStatus } from '../entities/pickup-status';

/** The reason a person gives for moving or calling off a pickup, trimmed; blank is refused. */
export function reasonGiven(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed)
    throw new BadInputError('Give a reason in a few words: the donor reads it in the pickup history', { field: 'reason' }, ErrorReason.REASON_REQUIRED);
  return trimmed;
}

/**
 * A MISSED pickup may be rescheduled or cancelled only while it is still its lot's current
 * attempt: once the lot was scheduled again, the newer pickup is the one to change.
 */
export function assertCurrentAttempt(pickup: { id: string; status: PickupStatus }, latestOfLotId: string | null, lotReference: string): void {
  if (pickup.status !== PickupStatus.MISSED) return;
  if (latestOfLotId !== pickup.id) {
    throw new ConflictError(
      `Lot ${lotReference} was scheduled again since this pickup was missed: change the newer pickup instead`,
      { pickupId: pickup.id, currentPickupId: latestOfLotId },
      ErrorReason.PICKUP_SUPERSEDED,
    );
  }
}

/** A pickup is completed on or after the day the donor said the equipment is available, not before. */
export function assertCollectable(availableFrom: Date, now: Date, lotReference: string): void {
  if (now.getTime() >= availableFrom.getTime()) return;
  throw new ConflictError(
    `Lot ${lotReference} cannot be collected before the donation is available (${availableFrom.toISOString()}): complete the pickup on or after that date, or reschedule it`,
    { availableFrom: availableFrom.toISOString() },
    ErrorReason.COLLECTION_BEFORE_AVAILABILITY,
  );
}
