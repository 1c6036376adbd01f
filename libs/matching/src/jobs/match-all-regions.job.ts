import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';
import { RegionMatchingService } from '../region-matching.service';

export type MatchAllRegionsJobData = Record<string, never>;

/** Hourly: matches every region (stock arrives, reservations are released, all day long). */
@Injectable()
@Job({ name: 'match-all-regions', queue: QueueName.MATCHING })
export class MatchAllRegionsJob implements JobHandler<MatchAllRegionsJobData> {
  constructor(
    private readonly matching: RegionMatchingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async handle(): Promise<{ regions: number; allocatedQuantity: number }> {
    const regions: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM region ORDER BY code`);
    let allocatedQuantity = 0;
    for (const region of regions) allocatedQuantity += (await this.matching.matchRegion(RequestContext.system(), region.id)).allocatedQuantity;
    return { regions: regions.length, allocatedQuantity };
  }
}
