import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, requestLoader } from '@app/common';
import { Ctx } from '@app/auth';
import { Donation } from '@app/donations';
import { UnroutedDevices } from '../dto/unrouted-devices.types';
import { UnroutedExplainer } from '../unrouted-explainer.service';

/**
 * `Donation.unrouted` lives in routing (the lib that knows why), on donations' type: the parent
 * donation was already read under the caller's scope, and what is said of it is about it alone.
 */
@Resolver(() => Donation)
export class DonationUnroutedResolver {
  constructor(private readonly explainer: UnroutedExplainer) {}

  @ResolveField(() => [UnroutedDevices], { description: 'devices no lot holds, per category, and why (empty once all are routed, or cancelled)' })
  unrouted(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<UnroutedDevices[]> {
    if (donation.cancelledAt) return Promise.resolve([]);
    return requestLoader<Donation, UnroutedDevices[]>(ctx, 'donation-unrouted-reasons', async (donations) => {
      const explained = await this.explainer.ofDonations(ctx, donations);
      return donations.map((d) => explained.get(d.id) ?? []);
    }).load(donation);
  }
}
