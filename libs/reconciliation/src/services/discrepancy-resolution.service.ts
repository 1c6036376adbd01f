import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { lockRegionMatching } from '@app/matching';
import { actorUserIdOf, DeviceLedger, DeviceRecoveryService, DeviceStatus } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { DiscrepancyDecision } from '../entities/discrepancy-decision';
import { DiscrepancyKind } from '../entities/discrepancy-kind';
import { DiscrepancyResolution } from '../entities/discrepancy-resolution.entity';
import { Discrepancy } from '../entities/discrepancy.entity';
import { ReconciliationStatus } from '../entities/reconciliation-status';
import { Reconciliation } from '../entities/reconciliation.entity';
import { closeReconciliation } from './reconciliation-closing';
import { MissingDeclaration } from './missing-declaration.service';

/**
 * One discrepancy of an OPEN count decided on its own, instead of all or nothing:
 * - a MISSING one: CONFIRM_MISSING declares its device MISSING (as the whole-count resolution
 *   does); FOUND (it was there) and MISSCANNED (the count was wrong) move nothing;
 * - an UNEXPECTED one: FOUND recovers its device when it was MISSING at that refurbisher (back to
 *   its previous status, custody event); MISSCANNED moves nothing; CONFIRM_MISSING makes no sense
 *   (BAD_USER_INPUT).
 * Each discrepancy is decided once (CONFLICT after). When the last one is decided the count is
 * RESOLVED. Locks as the whole-count resolution: region matching lock, count, then orders and
 * devices.
 */
@Injectable()
export class DiscrepancyResolutionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly missing: MissingDeclaration,
    private readonly devices: DeviceLedger,
    private readonly recovery: DeviceRecoveryService,
  ) {}

  resolve(ctx: RequestContext, discrepancyId: string, decision: DiscrepancyDecision): Promise<Reconciliation> {
    if (!/^[0-9]{1,18}$/.test(discrepancyId)) throw new NotFoundError('Discrepancy', discrepancyId);
    return this.tx.run(ctx, async (inner, manager) => {
      const discrepancy = await manager.getRepository(Discrepancy).findOne({ where: { id: discrepancyId } });
      if (!discrepancy) throw new NotFoundError('Discrepancy', discrepancyId);
      const seen = await manager.getRepository(Reconciliation).findOneByOrFail({ id: discrepancy.reconciliationId });
      ActAccess.assert(ctx, 'Reconciliation', 'resolveDiscrepancy', seen, 'Discrepancy');
      if (discrepancy.kind === DiscrepancyKind.UNEXPECTED && decision === DiscrepancyDecision.CONFIRM_MISSING) {
        throw new BadInputError(
          `Serial ${discrepancy.serialNumber} was counted, not missed: decide FOUND or MISSCANNED`,
          { field: 'decision' },
          ErrorReason.DISCREPANCY_DECISION_INVALID,
        );
      }
      await lockRegionMatching(manager, seen.regionId);
      const reconciliation = await manager.getRepository(Reconciliation).findOneOrFail({ where: { id: seen.id }, lock: { mode: 'pessimistic_write' } });
      if (reconciliation.status !== ReconciliationStatus.OPEN) {
        throw new ConflictError(
          `This count is ${reconciliation.status}: its discrepancies are decided already; reload it`,
          { status: reconciliation.status },
          ErrorReason.STOCK_COUNT_CLOSED,
        );
      }
      const earlier = await manager.getRepository(DiscrepancyResolution).findOne({ where: { discrepancyId: discrepancy.id } });
      if (earlier)
        throw new ConflictError(
          `Serial ${discrepancy.serialNumber} was decided already (${earlier.decision}) by ${earlier.resolvedBy}; reload the count`,
          { decision: earlier.decision },
          ErrorReason.DISCREPANCY_ALREADY_DECIDED,
        );

      const moved = await this.apply(inner, manager, reconciliation, discrepancy, decision);
      await manager.getRepository(DiscrepancyResolution).insert({
        discrepancyId: discrepancy.id,
        reconciliationId: reconciliation.id,
        decision,
        deviceMoved: moved,
        resolvedBy: ctx.user.email,
        resolvedByUserId: actorUserIdOf(ctx),
      });
      const [open]: Array<{ n: number }> = await manager.query(
        `SELECT count(*)::int AS n FROM reconciliation_discrepancy d
          WHERE d.reconciliation_id = $1 AND NOT EXISTS (SELECT 1 FROM discrepancy_resolution r WHERE r.discrepancy_id = d.id)`,
        [reconciliation.id],
      );
      if (open!.n === 0) await closeReconciliation(ctx, manager, reconciliation);
      return manager.getRepository(Reconciliation).findOneByOrFail({ id: reconciliation.id });
    });
  }

  /** What the decision moves; true when its device changed status. */
  private async apply(
    ctx: RequestContext,
    manager: EntityManager,
    reconciliation: Reconciliation,
    discrepancy: Discrepancy,
    decision: DiscrepancyDecision,
  ): Promise<boolean> {
    if (!discrepancy.deviceId) return false;
    if (discrepancy.kind === DiscrepancyKind.MISSING && decision === DiscrepancyDecision.CONFIRM_MISSING) {
      return (await this.missing.declare(ctx, manager, reconciliation, [discrepancy.deviceId])).size > 0;
    }
    if (discrepancy.kind === DiscrepancyKind.UNEXPECTED && decision === DiscrepancyDecision.FOUND) {
      const [device] = await this.devices.lock(manager, [discrepancy.deviceId]);
      // a MISSING device of this refurbisher counted on its shelf has turned up; any other is for people to sort out
      if (device!.status !== DeviceStatus.MISSING || device!.refurbisherId !== reconciliation.refurbisherId) return false;
      await this.recovery.recoverLocked(
        ctx,
        manager,
        [device!],
        `counted on the shelf by the stock count of ${reconciliation.createdAt.toISOString().slice(0, 10)}`,
      );
      return true;
    }
    return false;
  }
}
