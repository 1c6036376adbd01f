import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { ROUTE_REGION_JOB, RouteRegionJobData } from '@app/donations';
import { RegionRoutingService } from '../region-routing.service';

/** Routes a region's unrouted devices. Idempotent: a second run finds nothing left to route. */
@Injectable()
@Job({ name: ROUTE_REGION_JOB, queue: QueueName.ROUTING })
export class RouteRegionJob implements JobHandler<RouteRegionJobData> {
  constructor(private readonly routing: RegionRoutingService) {}

  async handle(data: RouteRegionJobData): Promise<{ routedQuantity: number; lots: number }> {
    const result = await this.routing.routeRegion(RequestContext.system(), data.regionId);
    return { routedQuantity: result.routedQuantity, lots: result.lots.length };
  }
}
