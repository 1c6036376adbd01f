import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ActAccess, ReadScope } from '@app/auth';
import { StockLevel } from '../entities/stock-level.entity';

/**
 * Stock levels as the counters hold them (never recounted from devices per request): staff of
 * a region (ADMIN: any, or one region), a refurbisher its own. Empty rows are left out.
 */
@Injectable()
export class StockLevelService {
  constructor(private readonly tx: TransactionRunner) {}

  levels(ctx: RequestContext, filter: { regionId?: string | null; refurbisherId?: string | null }): Promise<StockLevel[]> {
    const qb = this.tx
      .manager(ctx)
      .getRepository(StockLevel)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.refurbisher', 'refurbisher')
      .where('(s.available > 0 OR s.reserved > 0)');
    // a filter the caller may not use is refused, not answered empty
    if (filter.refurbisherId) ActAccess.assert(ctx, 'Organization', 'filterStockBy', { id: filter.refurbisherId });
    if (filter.regionId) ActAccess.assert(ctx, 'Region', 'readStock', { id: filter.regionId });
    ReadScope.apply(ctx, qb, 'StockLevel', 's');
    if (filter.regionId) qb.andWhere('s.region_id = :region', { region: filter.regionId });
    if (filter.refurbisherId) qb.andWhere('s.refurbisher_id = :rid', { rid: filter.refurbisherId });
    return qb.orderBy('s.refurbisher_id').addOrderBy('s.category').addOrderBy('s.grade').getMany();
  }
}
