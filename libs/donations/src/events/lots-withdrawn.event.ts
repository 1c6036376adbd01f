import { Caller } from '@app/common';
import { DomainEvent } from '@app/database';

/**
 * Lots not yet collected that were just taken back (CANCELLED) with their donation: whatever was
 * arranged to collect them is off. Recorded right after the lots are written, so that what
 * subscribers lock comes where the command's lock order puts it (lots, then their pickups).
 */
export class LotsWithdrawn extends DomainEvent {
  constructor(
    readonly lotIds: readonly string[],
    /** who cancelled the donation, for the history of what it called off; null for the platform */
    readonly by: Caller | null = null,
  ) {
    super();
  }
}
