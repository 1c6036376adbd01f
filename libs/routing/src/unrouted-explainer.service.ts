import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RefurbisherLoad } from '@app/network';
import { UnroutedDevices } from './dto/unrouted-devices.types';
import { RoutingInputs } from './routing-inputs';

/**
 * Why a donation's devices wait, between routing runs: the routing run's own inputs, read
 * without its locks (a read must not wait for a router), explained by the same pure function.
 * A few statements per region, however many donations are asked about.
 */
@Injectable()
export class UnroutedExplainer {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly loads: RefurbisherLoad,
    private readonly inputs: RoutingInputs,
  ) {}

  async ofDonations(ctx: RequestContext, donations: ReadonlyArray<{ id: string; regionId: string }>): Promise<Map<string, UnroutedDevices[]>> {
    const manager = this.tx.manager(ctx);
    const result = new Map<string, UnroutedDevices[]>(donations.map((d) => [d.id, []]));
    const byRegion = new Map<string, string[]>();
    for (const d of donations) byRegion.set(d.regionId, [...(byRegion.get(d.regionId) ?? []), d.id]);
    for (const [regionId, ids] of byRegion) {
      const supplies = await this.inputs.supplies(manager, ids);
      if (!supplies.length) continue;
      const donationIds = [...new Set(supplies.map((s) => s.donationId))];
      const [capacities, forbidden, offered] = await Promise.all([
        this.loads.readRemainingOfRegion(manager, regionId),
        this.inputs.forbidden(manager, donationIds),
        this.inputs.unclaimedOffers(manager, donationIds),
      ]);
      for (const category of RoutingInputs.byCategory(supplies, capacities, forbidden, offered)) {
        for (const item of this.inputs.explain(category)) result.get(item.donationId)!.push(item);
      }
    }
    return result;
  }
}
