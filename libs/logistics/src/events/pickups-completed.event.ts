import { DomainEvent } from '@app/database';

/** Pickups just COMPLETED, with what they took away. */
export class PickupsCompleted extends DomainEvent {
  constructor(readonly pickupIds: readonly string[]) {
    super();
  }
}
