import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecountDashboardsJob } from './jobs/recount-dashboards.job';
import { RegionDailyFlow } from './region-daily-flow.entity';
import { RegionDailyLeadTime } from './region-daily-lead-time.entity';
import { RegionDailyReuse } from './region-daily-reuse.entity';
import { RegionMonthlyLeadTime } from './region-monthly-lead-time.entity';
import { RegionFlowLedger } from './region-flow-ledger.service';
import { RegionFlowRebuild } from './region-flow-rebuild.service';
import { RegionFlowSubscriber } from './region-flow.subscriber';

/**
 * The dashboard's daily counters: the subscriber that moves them in the transaction of every
 * command the domains record an event for, the ledger it moves them through, and the recount
 * that corrects them. No domain imports it: it follows their events.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegionDailyFlow, RegionDailyReuse, RegionDailyLeadTime, RegionMonthlyLeadTime])],
  providers: [RegionFlowLedger, RegionFlowSubscriber, RegionFlowRebuild, RecountDashboardsJob],
  exports: [RegionFlowLedger, RegionFlowRebuild],
})
export class RegionFlowsModule {}
