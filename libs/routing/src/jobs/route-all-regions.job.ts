import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';
import { RefurbisherLoadRecount } from '../load/refurbisher-load-recount.service';
import { RegionRoutingService } from '../region-routing.service';

export type RouteAllRegionsJobData = Record<string, never>;

/**
 * Hourly, per region: recounts the refurbishers' load counters (a drift is corrected and logged),
 * then routes (capacity frees up as lots are received). A region that fails does not stop the
 * others; the job fails at the end, naming them, so BullMQ retries it (both steps are idempotent).
 */
@Injectable()
@Job({ name: 'route-all-regions', queue: QueueName.ROUTING })
export class RouteAllRegionsJob implements JobHandler<RouteAllRegionsJobData> {
  private readonly logger = new Logger(RouteAllRegionsJob.name);

  constructor(
    private readonly routing: RegionRoutingService,
    private readonly loads: RefurbisherLoadRecount,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async handle(): Promise<{ regions: number; routedQuantity: number; loadDrifts: number }> {
    const regions: Array<{ id: string; code: string }> = await this.dataSource.query(`SELECT id, code FROM region ORDER BY code`);
    let routedQuantity = 0;
    let loadDrifts = 0;
    const failed: string[] = [];
    for (const region of regions) {
      try {
        loadDrifts += (await this.loads.recountRegion(RequestContext.system(), region.id)).length;
        routedQuantity += (await this.routing.routeRegion(RequestContext.system(), region.id)).routedQuantity;
      } catch (error) {
        this.logger.error(`region ${region.code}: ${(error as Error).message}`);
        failed.push(region.code);
      }
    }
    if (failed.length) throw new Error(`route-all-regions failed for ${failed.join(', ')}`);
    return { regions: regions.length, routedQuantity, loadDrifts };
  }
}
