import { jobIdOf, JobRequest, QueueName } from '@app/jobs';

export const RECONCILE_STOCK_JOB = 'reconcile-stock';

/** A burst of counts (a workshop counting aisle by aisle) rebuilds the counters once, after the window. */
export const DEFAULT_RECONCILE_STOCK_DEBOUNCE_MS = 10_000;

export interface ReconcileStockJobData {
  /** one refurbisher (after its stock count); every refurbisher when absent (the nightly run) */
  refurbisherId?: string;
}

/** Asks for the stock counters of one refurbisher to be rebuilt from its devices. Requests within one debounce window share a job id. */
export function reconcileStockRequest(refurbisherId: string, debounceMs = DEFAULT_RECONCILE_STOCK_DEBOUNCE_MS, now = Date.now()): JobRequest<ReconcileStockJobData> {
  const window = Math.max(debounceMs, 1000);
  return {
    queue: QueueName.STOCK,
    name: RECONCILE_STOCK_JOB,
    data: { refurbisherId },
    jobId: jobIdOf(RECONCILE_STOCK_JOB, refurbisherId, Math.floor(now / window)),
    delayMs: debounceMs,
  };
}
