import { Module } from '@nestjs/common';
import { NetworkModule } from '@app/network';
import { RefurbishingModule } from '@app/refurbishing';
import { co2eFactorsProvider } from '../impact/co2e-factors';
import { RegionFlowsModule } from '../flows/region-flows.module';
import { StuckWorkModule } from '../stuck/stuck-work.module';
import { RegionDashboardResolver } from './region-dashboard.resolver';
import { RegionDashboardPeopleResolver } from './region-dashboard-people.resolver';
import { RegionDashboardRepairsResolver } from './region-dashboard-repairs.resolver';
import { RegionDashboardService } from './region-dashboard.service';

@Module({
  imports: [NetworkModule, RefurbishingModule, RegionFlowsModule, StuckWorkModule],
  providers: [co2eFactorsProvider, RegionDashboardService, RegionDashboardResolver, RegionDashboardPeopleResolver, RegionDashboardRepairsResolver],
})
export class RegionDashboardModule {}
