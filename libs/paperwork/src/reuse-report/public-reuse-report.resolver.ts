import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { PublicReuseReportService } from './public-reuse-report.service';
import { PublicReuseReport, PublicReuseReportArgs } from './public-reuse-report.types';

@Resolver(() => PublicReuseReport)
export class PublicReuseReportResolver {
  constructor(private readonly reports: PublicReuseReportService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR)
  @Query(() => PublicReuseReport, { description: 'a public donor’s yearly reuse figures beside the targets of décret n° 2023-266: the donor itself, staff' })
  publicReuseReport(@Ctx() ctx: RequestContext, @Args() args: PublicReuseReportArgs): Promise<PublicReuseReport> {
    return this.reports.report(ctx, args.donorId, args.year);
  }
}
