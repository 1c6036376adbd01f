import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationsModule } from '@app/donations';
import { RouteAllRegionsJob } from './jobs/route-all-regions.job';
import { RouteRegionJob } from './jobs/route-region.job';
import { RefurbisherLoadDrift } from './load/refurbisher-load-drift.entity';
import { RefurbisherLoadRecount } from './load/refurbisher-load-recount.service';
import { LotAssignmentService } from './lot-assignment.service';
import { RegionRoutingService } from './region-routing.service';
import { DonationUnroutedResolver } from './resolvers/donation-unrouted.resolver';
import { RoutingResultResolver } from './resolvers/routing-result.resolver';
import { RoutingInputs } from './routing-inputs';
import { RoutingSolverRunner } from './routing-solver.runner';
import { RoutingResolver } from './routing.resolver';
import { UnroutedExplainer } from './unrouted-explainer.service';

@Module({
  imports: [TypeOrmModule.forFeature([RefurbisherLoadDrift]), DonationsModule],
  providers: [
    RegionRoutingService,
    RoutingInputs,
    UnroutedExplainer,
    LotAssignmentService,
    RefurbisherLoadRecount,
    RoutingSolverRunner,
    RoutingResolver,
    DonationUnroutedResolver,
    RoutingResultResolver,
    RouteRegionJob,
    RouteAllRegionsJob,
  ],
  exports: [RegionRoutingService, RefurbisherLoadRecount, UnroutedExplainer],
})
export class RoutingModule {}
