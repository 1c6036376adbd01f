import { Injectable } from '@nestjs/common';
import { byKey, groupedByKey, RequestContext, requestLoader } from '@app/common';
import { ActAccess, ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Device } from '@app/refurbishing';
import { In } from 'typeorm';
import { DiscrepancyResolution } from '../entities/discrepancy-resolution.entity';
import { Discrepancy } from '../entities/discrepancy.entity';
import { Reconciliation } from '../entities/reconciliation.entity';

/**
 * Reading stock counts, scoped per role (READ_RULES.Reconciliation), newest first, and the
 * per-request loaders behind their nested fields: a list of counts with their discrepancies and
 * devices costs one query per field, not one per row.
 */
@Injectable()
export class ReconciliationService {
  constructor(private readonly tx: TransactionRunner) {}

  list(ctx: RequestContext, filter: { refurbisherId?: string | null }): Promise<Reconciliation[]> {
    const qb = this.tx.manager(ctx).getRepository(Reconciliation).createQueryBuilder('r');
    if (filter.refurbisherId) {
      ActAccess.assert(ctx, 'Organization', 'filterStockBy', { id: filter.refurbisherId });
      qb.andWhere('r.refurbisher_id = :refurbisherId', { refurbisherId: filter.refurbisherId });
    }
    ReadScope.apply(ctx, qb, 'Reconciliation', 'r');
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').getMany();
  }

  /** MISSING first, then UNEXPECTED, each by serial number. The count the caller could see decides visibility. */
  discrepancies(ctx: RequestContext, reconciliationId: string): Promise<Discrepancy[]> {
    return requestLoader<string, Discrepancy[]>(ctx, 'reconciliation:discrepancies', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(Discrepancy)
          .find({ where: { reconciliationId: In([...ids]) }, order: { kind: 'ASC', serialNumber: 'ASC' } }),
        (d) => d.reconciliationId,
      ),
    ).load(reconciliationId);
  }

  /**
   * The device behind a discrepancy, only when the caller may see that device (READ_RULES.Device): a
   * refurbisher that counted another's device learns the serial is known, not whose it is.
   */
  device(ctx: RequestContext, deviceId: string): Promise<Device | null> {
    return requestLoader<string, Device | null>(ctx, 'reconciliation:discrepancy-device', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Device)
        .createQueryBuilder('d')
        .where('d.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Device', 'd').getMany(), (d) => d.id);
    }).load(deviceId);
  }

  /** How a discrepancy was decided, null while it is not (its count was readable, so is this). */
  resolution(ctx: RequestContext, discrepancyId: string): Promise<DiscrepancyResolution | null> {
    return requestLoader<string, DiscrepancyResolution | null>(ctx, 'reconciliation:discrepancy-resolution', async (ids) =>
      byKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(DiscrepancyResolution)
          .find({ where: { discrepancyId: In([...ids]) } }),
        (r) => r.discrepancyId,
      ),
    ).load(discrepancyId);
  }
}
