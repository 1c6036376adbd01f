import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationsModule } from '@app/donations';
import { RouteAllRegionsJob } from './jobs/route-all-regions.job';
import { RouteRegionJob } from './jobs/route-region.job';
import { RefurbisherLoadDrift } from './load/refurbisher-load-drift.entity';
import { RefurbisherLoadRecount } from './load/refurbisher-load-recount.service';
import { RegionRoutingService } from './region-routing.service';
import { RoutingSolverRunner } from './routing-solver.runner';
import { RoutingResolver } from './routing.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([RefurbisherLoadDrift]), DonationsModule],
  providers: [RegionRoutingService, RefurbisherLoadRecount, RoutingSolverRunner, RoutingResolver, RouteRegionJob, RouteAllRegionsJob],
  exports: [RegionRoutingService, RefurbisherLoadRecount],
})
export class RoutingModule {}
