import { DomainEvent } from '@app/database';

/** Orders just submitted, with their lines. */
export class OrdersSubmitted extends DomainEvent {
  constructor(readonly orderIds: readonly string[]) {
    super();
  }
}
