import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Device } from '@app/refurbishing';
import { Discrepancy } from '../entities/discrepancy.entity';
import { ReconciliationService } from '../services/reconciliation.service';

@Resolver(() => Discrepancy)
export class DiscrepancyResolver {
  constructor(private readonly reconciliationService: ReconciliationService) {}

  @ResolveField(() => Device, { nullable: true, description: 'the device with this serial, when there is one and the caller may see it' })
  device(@Ctx() ctx: RequestContext, @Parent() discrepancy: Discrepancy): Promise<Device | null> {
    return discrepancy.deviceId ? this.reconciliationService.device(ctx, discrepancy.deviceId) : Promise.resolve(null);
  }
}
