import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { Job, JobHandler, QueueName } from '@app/jobs';
import { StockDrift } from '../entities/stock-drift.entity';
import { StockRebuildService } from '../services/stock-rebuild.service';
import { RECONCILE_STOCK_JOB, ReconcileStockJobData } from './reconcile-stock.request';

export interface ReconcileStockResult {
  refurbisherId: string | null;
  /** the counters it had to correct (also logged as a warning and kept in stock_drift) */
  corrected: StockDrift[];
}

/**
 * Nightly for every refurbisher, and after each stock count for its refurbisher: rebuilds the
 * stock counters from the devices and reports the drift it corrected. Idempotent: a second run
 * finds the counters equal to the recount and corrects nothing.
 */
@Injectable()
@Job({ name: RECONCILE_STOCK_JOB, queue: QueueName.STOCK })
export class ReconcileStockJob implements JobHandler<ReconcileStockJobData> {
  constructor(private readonly stock: StockRebuildService) {}

  async handle(data: ReconcileStockJobData = {}): Promise<ReconcileStockResult> {
    const refurbisherId = data.refurbisherId ?? null;
    return { refurbisherId, corrected: await this.stock.rebuild(RequestContext.system(), refurbisherId ?? undefined) };
  }
}
