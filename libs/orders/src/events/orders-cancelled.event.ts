import { DomainEvent } from '@app/database';

/** Orders just cancelled, once their reservations were released. */
export class OrdersCancelled extends DomainEvent {
  constructor(readonly orderIds: readonly string[]) {
    super();
  }
}
