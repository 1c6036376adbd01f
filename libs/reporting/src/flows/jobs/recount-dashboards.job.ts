import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';
import { FlowDrift, RegionFlowRebuild } from '../region-flow-rebuild.service';

export type RecountDashboardsJobData = { regionId?: string };

/**
 * Nightly: recounts every region's dashboard counters from the domain tables and corrects the
 * drift (normally none; the result says what was found). Idempotent: a second run finds none.
 */
@Injectable()
@Job({ name: 'recount-dashboards', queue: QueueName.REPORTING })
export class RecountDashboardsJob implements JobHandler<RecountDashboardsJobData> {
  constructor(
    private readonly rebuild: RegionFlowRebuild,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async handle(data: RecountDashboardsJobData): Promise<{ regions: number; drifted: FlowDrift[] }> {
    const regions: Array<{ id: string }> = data.regionId ? [{ id: data.regionId }] : await this.dataSource.query(`SELECT id FROM region ORDER BY code`);
    const drifted: FlowDrift[] = [];
    for (const region of regions) {
      const drift = await this.rebuild.correct(region.id);
      if (drift.magnitude) drifted.push(drift);
    }
    return { regions: regions.length, drifted };
  }
}
