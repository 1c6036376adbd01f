import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { DonorImpactReport } from './donor-impact-report.types';
import { DonorImpactService } from './donor-impact.service';

@Resolver(() => DonorImpactReport)
export class DonorImpactResolver {
  constructor(private readonly donorImpact: DonorImpactService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR)
  @Query(() => DonorImpactReport)
  donorImpactReport(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('donorId', { type: () => ID, nullable: true }) donorId?: string,
  ): Promise<DonorImpactReport> {
    return this.donorImpact.report(ctx, { donorId, from, to });
  }
}
