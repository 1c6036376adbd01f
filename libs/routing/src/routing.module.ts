import { Module } from '@nestjs/common';
import { DonationsModule } from '@app/donations';
import { RouteAllRegionsJob } from './jobs/route-all-regions.job';
import { RouteRegionJob } from './jobs/route-region.job';
import { RegionRoutingService } from './region-routing.service';
import { RoutingSolverRunner } from './routing-solver.runner';
import { RoutingResolver } from './routing.resolver';

@Module({
  imports: [DonationsModule],
  providers: [RegionRoutingService, RoutingSolverRunner, RoutingResolver, RouteRegionJob, RouteAllRegionsJob],
  exports: [RegionRoutingService],
})
export class RoutingModule {}
