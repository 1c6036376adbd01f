import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { DonationLedger } from '@app/donations';
import { LoadDrift, RefurbisherLoad } from '@app/network';
import { RefurbisherLoadDrift } from './refurbisher-load-drift.entity';

/**
 * The hourly recount of the refurbishers' load counters from their lots. Every command that moves
 * a lot into or out of the load moves the counter in the same transaction, so a drift is a bug: it
 * is set right (by network, the counters' owner, which locks them before donations counts the
 * lots: see RefurbisherLoad.recountRegion for why that is exact) and written to
 * refurbisher_load_drift, never hidden.
 */
@Injectable()
export class RefurbisherLoadRecount {
  private readonly logger = new Logger(RefurbisherLoadRecount.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly loads: RefurbisherLoad,
    private readonly ledger: DonationLedger,
  ) {}

  /** One transaction per region; a second run right after finds nothing to correct. */
  recountRegion(ctx: RequestContext, regionId: string): Promise<LoadDrift[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const drifts = await this.loads.recountRegion(manager, regionId, (refurbisherIds) => this.ledger.loadHeld(manager, refurbisherIds));
      for (const d of drifts) {
        this.logger.warn(`load drift: refurbisher ${d.refurbisherId} ${d.category} counter said ${d.loadBefore}, its lots hold ${d.loadAfter}; corrected`);
      }
      if (drifts.length) {
        await manager.getRepository(RefurbisherLoadDrift).insert(drifts.map((d) => ({ regionId, ...d })));
      }
      return drifts;
    });
  }
}
