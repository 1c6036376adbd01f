import { Module } from '@nestjs/common';
import { OrdersModule } from '@app/orders';
import { MatchAllRegionsJob } from './jobs/match-all-regions.job';
import { MatchRegionJob } from './jobs/match-region.job';
import { ReleaseStaleReservationsJob } from './jobs/release-stale-reservations.job';
import { DefaultMatchingCostPolicy, MATCHING_COST_POLICY } from './matching-cost.policy';
import { MatchingSolverRunner } from './matching-solver.runner';
import { MatchingResolver } from './matching.resolver';
import { RegionMatchingService } from './region-matching.service';
import { StaleReservationService } from './stale-reservation.service';

@Module({
  imports: [OrdersModule],
  providers: [
    { provide: MATCHING_COST_POLICY, useClass: DefaultMatchingCostPolicy },
    RegionMatchingService,
    StaleReservationService,
    MatchingSolverRunner,
    MatchingResolver,
    MatchRegionJob,
    MatchAllRegionsJob,
    ReleaseStaleReservationsJob,
  ],
  exports: [RegionMatchingService, StaleReservationService, MATCHING_COST_POLICY],
})
export class MatchingModule {}
