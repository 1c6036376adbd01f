import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Organization } from '@app/network';
import { StockLevelRebuild } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { StockDrift } from '../entities/stock-drift.entity';
import { ReconciliationAccess } from './reconciliation-access';

/**
 * Rebuilds a refurbisher's stock counters from its devices, one refurbisher per transaction, and
 * keeps and logs every counter that had to be corrected. The counters are refurbishing's: it
 * locks, recounts and corrects them (StockLevelRebuild, where the locking is explained); this
 * service decides when, for whom, and records the drift.
 */
@Injectable()
export class StockRebuildService {
  private readonly logger = new Logger('StockReconciliation');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly levels: StockLevelRebuild,
  ) {}

  /** On demand, for staff of the refurbisher's region. */
  rebuildFor(ctx: RequestContext, refurbisherId: string): Promise<StockDrift[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const refurbisher = await ReconciliationAccess.refurbisherFor(ctx, manager, refurbisherId);
      return this.rebuildLocked(manager, refurbisher);
    });
  }

  /** The job's side: one refurbisher, or all of them (each in its own transaction). */
  async rebuild(ctx: RequestContext, refurbisherId?: string): Promise<StockDrift[]> {
    const ids: string[] = refurbisherId
      ? [refurbisherId]
      : (await this.tx.manager(ctx).query(`SELECT id FROM organization WHERE kind = 'REFURBISHER' ORDER BY id`)).map((r: { id: string }) => r.id);
    const out: StockDrift[] = [];
    for (const id of ids) {
      const drift = await this.tx.run(ctx, async (_, manager) => {
        const refurbisher = await manager.getRepository(Organization).findOne({ where: { id } });
        return refurbisher ? this.rebuildLocked(manager, refurbisher) : [];
      });
      out.push(...drift);
    }
    return out;
  }

  private async rebuildLocked(manager: EntityManager, refurbisher: Organization): Promise<StockDrift[]> {
    const corrections = await this.levels.rebuild(manager, refurbisher);
    if (!corrections.length) return [];
    const rows = await manager
      .getRepository(StockDrift)
      .save(corrections.map((c) => manager.getRepository(StockDrift).create({ ...c, refurbisherId: refurbisher.id, regionId: refurbisher.regionId })));
    this.logger.warn(
      `stock counters of refurbisher ${refurbisher.id} corrected: ${corrections
        .map((c) => `${c.category}/${c.grade} available ${c.availableBefore}->${c.availableAfter}, reserved ${c.reservedBefore}->${c.reservedAfter}`)
        .join('; ')}`,
    );
    return rows;
  }
}
