import { RequestContext } from '@app/common';
import { actorUserIdOf } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { DiscrepancyDecision } from '../entities/discrepancy-decision';
import { ReconciliationStatus } from '../entities/reconciliation-status';
import { Reconciliation } from '../entities/reconciliation.entity';

/**
 * OPEN -> RESOLVED, with who and when; `markedMissingQuantity` counts every device its decisions
 * declared missing (whole-count and one by one).
 */
export async function closeReconciliation(ctx: RequestContext, manager: EntityManager, reconciliation: Reconciliation): Promise<void> {
  const [row]: Array<{ n: number }> = await manager.query(
    `SELECT count(*)::int AS n FROM discrepancy_resolution WHERE reconciliation_id = $1 AND decision = $2 AND device_moved`,
    [reconciliation.id, DiscrepancyDecision.CONFIRM_MISSING],
  );
  await manager.update(
    Reconciliation,
    { id: reconciliation.id },
    {
      status: ReconciliationStatus.RESOLVED,
      resolvedAt: () => 'clock_timestamp()',
      resolvedBy: ctx.user.email,
      resolvedByUserId: actorUserIdOf(ctx),
      markedMissingQuantity: row!.n,
      version: reconciliation.version + 1,
    },
  );
}
