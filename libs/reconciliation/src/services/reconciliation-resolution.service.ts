import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { lockRegionMatching } from '@app/matching';
import { actorUserIdOf } from '@app/refurbishing';
import { DiscrepancyDecision } from '../entities/discrepancy-decision';
import { DiscrepancyKind } from '../entities/discrepancy-kind';
import { RECONCILIATION_MACHINE, ReconciliationStatus } from '../entities/reconciliation-status';
import { closeReconciliation } from './reconciliation-closing';
import { Reconciliation } from '../entities/reconciliation.entity';
import { MissingDeclaration } from './missing-declaration.service';

/**
 * A coordinator (or ADMIN) reviews an OPEN count and resolves the whole of it, in one
 * transaction: every MISSING discrepancy not decided on its own yet (resolveDiscrepancy) is
 * confirmed, and its device, if still IN_STOCK or RESERVED at that refurbisher, becomes MISSING
 * (MissingDeclaration: custody event, stock counters, reservation released, region matched again).
 * A device that left the shelf since the count (shipped) is left alone. The decisions are recorded
 * set-based, one statement however big the count; UNEXPECTED discrepancies stay undecided (nothing
 * to move).
 *
 * Locks follow the order every order command takes: the region's matching lock (no reservation is
 * made in the region meanwhile), the count, then orders, their lines, the links, the devices.
 */
@Injectable()
export class ReconciliationResolutionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly missing: MissingDeclaration,
  ) {}

  resolve(ctx: RequestContext, id: string): Promise<Reconciliation> {
    return this.tx.run(ctx, async (inner, manager) => {
      const seen = await manager.getRepository(Reconciliation).findOne({ where: { id } });
      if (!seen) throw new NotFoundError('Reconciliation', id);
      ActAccess.assert(ctx, 'Reconciliation', 'resolve', seen, 'Reconciliation');
      // matchers of the region wait until this is done
      await lockRegionMatching(manager, seen.regionId);
      const reconciliation = await manager.getRepository(Reconciliation).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      RECONCILIATION_MACHINE.assertTransition(reconciliation.status, ReconciliationStatus.RESOLVED);

      const candidates: Array<{ device_id: string }> = await manager.query(
        `SELECT d.device_id FROM reconciliation_discrepancy d
          WHERE d.reconciliation_id = $1 AND d.kind = $2 AND d.device_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM discrepancy_resolution r WHERE r.discrepancy_id = d.id)
          ORDER BY d.device_id`,
        [reconciliation.id, DiscrepancyKind.MISSING],
      );
      const gone = await this.missing.declare(
        inner,
        manager,
        reconciliation,
        candidates.map((c) => c.device_id),
      );
      await manager.query(
        `INSERT INTO discrepancy_resolution (discrepancy_id, reconciliation_id, decision, device_moved, resolved_by, resolved_by_user_id)
         SELECT d.id, d.reconciliation_id, $3, d.device_id = ANY($4::uuid[]), $5, $6 FROM reconciliation_discrepancy d
          WHERE d.reconciliation_id = $1 AND d.kind = $2
            AND NOT EXISTS (SELECT 1 FROM discrepancy_resolution r WHERE r.discrepancy_id = d.id)
          ORDER BY d.id`,
        [reconciliation.id, DiscrepancyKind.MISSING, DiscrepancyDecision.CONFIRM_MISSING, [...gone], ctx.user.email, actorUserIdOf(ctx)],
      );
      await closeReconciliation(ctx, manager, reconciliation);
      return manager.getRepository(Reconciliation).findOneByOrFail({ id: reconciliation.id });
    });
  }
}
