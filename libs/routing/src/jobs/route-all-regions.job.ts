import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';
import { RegionRoutingService } from '../region-routing.service';

export type RouteAllRegionsJobData = Record<string, never>;

/** Hourly: routes every region (capacity frees up as lots are received). */
@Injectable()
@Job({ name: 'route-all-regions', queue: QueueName.ROUTING })
export class RouteAllRegionsJob implements JobHandler<RouteAllRegionsJobData> {
  constructor(
    private readonly routing: RegionRoutingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async handle(): Promise<{ regions: number; routedQuantity: number }> {
    const regions: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM region ORDER BY code`);
    let routedQuantity = 0;
    for (const region of regions) routedQuantity += (await this.routing.routeRegion(RequestContext.system(), region.id)).routedQuantity;
    return { regions: regions.length, routedQuantity };
  }
}
