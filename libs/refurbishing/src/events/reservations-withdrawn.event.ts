import { RequestContext } from '@app/common';
import { DomainEvent } from '@app/database';

/**
 * Reserved devices the workshop is taking off the shelf (found broken: back to the workbench or
 * to recycling). Recorded before the devices are locked, so the owner of the reservations (orders)
 * ends them in its lock order (orders, lines, links, then devices): the devices come back
 * IN_STOCK, their lines' allocations shrink and matching is asked again. `ctx` is the caller, for
 * the custody events of the release.
 */
export class ReservationsWithdrawn extends DomainEvent {
  constructor(
    readonly ctx: RequestContext,
    readonly deviceIds: readonly string[],
    readonly reason: string,
  ) {
    super();
  }
}
