import { DomainEvent } from '@app/database';

/** A pickup moved to another day: the donor must know when to expect the refurbisher. */
export class PickupsRescheduled extends DomainEvent {
  constructor(readonly pickups: ReadonlyArray<{ pickupId: string; lotId: string; from: Date; to: Date }>) {
    super();
  }
}
