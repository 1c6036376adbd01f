import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventPhase, TransactionEvents } from '@app/database';
import { DonationsCancelled, DonationsDeclared } from '@app/donations';
import { PickupsCompleted } from '@app/logistics';
import { OrderAllocationsChanged, OrdersCancelled, OrdersSubmitted } from '@app/orders';
import { DeviceStatus, DeviceStatusesChanged } from '@app/refurbishing';
import { RegionFlowLedger } from './region-flow-ledger.service';

/**
 * How the dashboard follows the domains: it listens to what their commands record and moves its
 * counters in the same transaction. The domains do not know it is there (they import nothing
 * of reporting); it reads what they just wrote, as a projection, and writes last (RegionFlowLedger).
 */
@Injectable()
export class RegionFlowSubscriber implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly flows: RegionFlowLedger,
  ) {}

  onModuleInit(): void {
    const on = this.events.subscribe.bind(this.events);
    const name = 'reporting.region-flows';
    on(DonationsDeclared, name, EventPhase.PROJECTION, (manager, e) => this.flows.donations(manager, e.donationIds, 1));
    on(DonationsCancelled, name, EventPhase.PROJECTION, (manager, e) => this.flows.donations(manager, e.donationIds, -1));
    on(PickupsCompleted, name, EventPhase.PROJECTION, (manager, e) => this.flows.pickupsCompleted(manager, e.pickupIds));
    on(DeviceStatusesChanged, name, EventPhase.PROJECTION, (manager, e) =>
      this.flows.deviceEvents(
        manager,
        e.changes.filter((c) => countsInFlows(c.from, c.to)).map((c) => c.custodyEventId),
      ),
    );
    on(OrdersSubmitted, name, EventPhase.PROJECTION, (manager, e) => this.flows.orders(manager, e.orderIds, 1));
    on(OrdersCancelled, name, EventPhase.PROJECTION, (manager, e) => this.flows.orders(manager, e.orderIds, -1));
    on(OrderAllocationsChanged, name, EventPhase.PROJECTION, (manager, e) => this.flows.allocations(manager, e.deltaByLineId));
  }
}

/**
 * The changes the dashboard counts: a first arrival in stock, a delivery, a recycling. The SQL of
 * region-flow-sources.ts says the same; this spares a query for the changes it would find nothing in.
 */
export function countsInFlows(from: DeviceStatus, to: DeviceStatus): boolean {
  if (to === DeviceStatus.IN_STOCK) return from === DeviceStatus.RECEIVED || from === DeviceStatus.WIPED;
  return to === DeviceStatus.DELIVERED || to === DeviceStatus.RECYCLED;
}
