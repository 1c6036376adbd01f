import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Device } from '@app/refurbishing';
import { DiscrepancyDecision } from '../entities/discrepancy-decision';
import { Discrepancy } from '../entities/discrepancy.entity';
import { ReconciliationService } from '../services/reconciliation.service';

@Resolver(() => Discrepancy)
export class DiscrepancyResolver {
  constructor(private readonly reconciliationService: ReconciliationService) {}

  @ResolveField(() => Device, { nullable: true, description: 'the device with this serial, when there is one and the caller may see it' })
  device(@Ctx() ctx: RequestContext, @Parent() discrepancy: Discrepancy): Promise<Device | null> {
    return discrepancy.deviceId ? this.reconciliationService.device(ctx, discrepancy.deviceId) : Promise.resolve(null);
  }

  @ResolveField(() => DiscrepancyDecision, {
    nullable: true,
    description: 'how it was decided (resolveDiscrepancy, or the whole count resolved); null while undecided',
  })
  async decision(@Ctx() ctx: RequestContext, @Parent() discrepancy: Discrepancy): Promise<DiscrepancyDecision | null> {
    return (await this.reconciliationService.resolution(ctx, discrepancy.id))?.decision ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'who decided it (e-mail, as written then)' })
  async decidedBy(@Ctx() ctx: RequestContext, @Parent() discrepancy: Discrepancy): Promise<string | null> {
    return (await this.reconciliationService.resolution(ctx, discrepancy.id))?.resolvedBy ?? null;
  }
}
