import { DomainEvent } from '@app/database';

/** Devices allocated to order lines (a positive delta) or released from them (negative), per line. */
export class OrderAllocationsChanged extends DomainEvent {
  constructor(readonly deltaByLineId: ReadonlyMap<string, number>) {
    super();
  }
}
