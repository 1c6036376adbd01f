import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecountDashboardsJob } from './jobs/recount-dashboards.job';
import { RegionDailyFlow } from './region-daily-flow.entity';
import { RegionDailyLeadTime } from './region-daily-lead-time.entity';
import { RegionDailyReuse } from './region-daily-reuse.entity';
import { RegionMonthlyLeadTime } from './region-monthly-lead-time.entity';
import { RegionFlowLedger } from './region-flow-ledger.service';
import { RegionFlowRebuild } from './region-flow-rebuild.service';

/**
 * The dashboard's daily counters: the ledger the domains move in their transactions, and the
 * recount that corrects them. Imports no domain module, so every domain can import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegionDailyFlow, RegionDailyReuse, RegionDailyLeadTime, RegionMonthlyLeadTime])],
  providers: [RegionFlowLedger, RegionFlowRebuild, RecountDashboardsJob],
  exports: [RegionFlowLedger, RegionFlowRebuild],
})
export class RegionFlowsModule {}
