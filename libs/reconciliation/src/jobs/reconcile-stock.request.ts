import { jobIdOf, JobRequest, QueueName } from '@app/jobs';

export const RECONCILE_STOCK_JOB = 'reconcile-stock';

/** A burst of counts (a workshop counting aisle by aisle) rebuilds the counters once, after the window. */
export const DEFAULT_RECONCILE_STOCK_DEBOUNCE_MS = 10_000;

export interface ReconcileStockJobData {
  /** one refurbisher (after its stock count); every refurbisher when absent (the nightly run) */
  refurbisherId?: string;
}

/** Asks for the stock counters of one refurbisher to be rebuilt from its devices. Requests share a debounce key per refurbisher. */
export function reconcileStockRequest(refurbisherId: string, debounceMs = DEFAULT_RECONCILE_STOCK_DEBOUNCE_MS): JobRequest<ReconcileStockJobData> {
  return {
    queue: QueueName.STOCK,
    name: RECONCILE_STOCK_JOB,
    data: { refurbisherId },
    debounceKey: jobIdOf(RECONCILE_STOCK_JOB, refurbisherId),
    delayMs: debounceMs,
  };
}
