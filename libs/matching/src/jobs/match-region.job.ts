import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { Job, JobHandler, MATCH_REGION_JOB, MatchRegionJobData, QueueName } from '@app/jobs';
import { MatchingResult } from '../dto/matching-result';
import { RegionMatchingService } from '../region-matching.service';

/** Matches a region's stock to its open lines. Idempotent: a second run finds nothing left to match. */
@Injectable()
@Job({ name: MATCH_REGION_JOB, queue: QueueName.MATCHING })
export class MatchRegionJob implements JobHandler<MatchRegionJobData> {
  constructor(private readonly matching: RegionMatchingService) {}

  handle(data: MatchRegionJobData): Promise<MatchingResult> {
    return this.matching.matchRegion(RequestContext.system(), data.regionId);
  }
}
