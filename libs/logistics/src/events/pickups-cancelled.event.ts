import { DomainEvent } from '@app/database';

/** One pickup called off, and the refurbisher that was to come: who must be told. */
export interface CancelledPickup {
  pickupId: string;
  lotId: string;
  refurbisherId: string;
  scheduledAt: Date;
}

/**
 * Pickups just CANCELLED (by their refurbisher, the coordinator, or with their donation), with
 * the reason written in their history. Notifications subscribe to tell the refurbisher (and the
 * donor) in the same transaction's outbox; nothing is sent from here.
 */
export class PickupsCancelled extends DomainEvent {
  constructor(
    readonly pickups: readonly CancelledPickup[],
    readonly reason: string,
  ) {
    super();
  }
}
