import { Module } from '@nestjs/common';
import { NetworkModule } from '@app/network';
import { RefurbishingModule } from '@app/refurbishing';
import { APP_CONFIG, AppConfig } from '@app/common';
import { co2eFactorsWith } from '../impact/co2e-factors';
import { RegionFlowsModule } from '../flows/region-flows.module';
import { RegionDashboardResolver } from './region-dashboard.resolver';
import { DASHBOARD_CO2E_FACTORS, RegionDashboardService } from './region-dashboard.service';

@Module({
  imports: [NetworkModule, RefurbishingModule, RegionFlowsModule],
  providers: [
    { provide: DASHBOARD_CO2E_FACTORS, useFactory: (config: AppConfig) => co2eFactorsWith(config.co2eFactors), inject: [APP_CONFIG] },
    RegionDashboardService,
    RegionDashboardResolver,
  ],
})
export class RegionDashboardModule {}
