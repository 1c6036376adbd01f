import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventPhase, TransactionEvents } from '@app/database';
import { LotsWithdrawn } from '@app/donations';
import { LotPickups } from '../services/lot-pickups.service';

/** A donation cancelled takes its lots back: logistics calls their pickups off, in the same transaction. */
@Injectable()
export class LotsWithdrawnSubscriber implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly pickups: LotPickups,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(LotsWithdrawn, 'logistics.cancel-pickups', EventPhase.OWNER, (manager, event) =>
      this.pickups.cancelForWithdrawnLots(manager, event.lotIds, event.by),
    );
  }
}
