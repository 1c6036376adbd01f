import { Module } from '@nestjs/common';
import { OrdersModule } from '@app/orders';
import { RefurbishingModule } from '@app/refurbishing';
import { MatchAllRegionsJob } from './jobs/match-all-regions.job';
import { MatchRegionJob } from './jobs/match-region.job';
import { ReleaseStaleReservationsJob } from './jobs/release-stale-reservations.job';
import { DefaultMatchingCostPolicy, MATCHING_COST_POLICY } from './matching-cost.policy';
import { MatchingSolverRunner } from './matching-solver.runner';
import { MatchingResolver } from './matching.resolver';
import { RegionMatchingService } from './region-matching.service';
import { DeviceRefusalService } from './reservations/device-refusal.service';
import { ReservationReleaseService } from './reservations/reservation-release.service';
import { ReservationSwapService } from './reservations/reservation-swap.service';
import { ReservationResolver } from './reservations/reservation.resolver';
import { StaleReservationService } from './stale-reservation.service';

@Module({
  imports: [OrdersModule, RefurbishingModule],
  providers: [
    { provide: MATCHING_COST_POLICY, useClass: DefaultMatchingCostPolicy },
    RegionMatchingService,
    StaleReservationService,
    MatchingSolverRunner,
    MatchingResolver,
    ReservationReleaseService,
    DeviceRefusalService,
    ReservationSwapService,
    ReservationResolver,
    MatchRegionJob,
    MatchAllRegionsJob,
    ReleaseStaleReservationsJob,
  ],
  exports: [RegionMatchingService, StaleReservationService, MATCHING_COST_POLICY],
})
export class MatchingModule {}
