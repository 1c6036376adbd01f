import { Injectable } from '@nestjs/common';
import { ForbiddenError, RequestContext, Role } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth';
import { StockLevel } from '../entities/stock-level.entity';

/**
 * Stock levels as the counters hold them (never recounted from devices per request): staff of
 * a region (ADMIN: any, or one region), a refurbisher its own. Empty rows are left out.
 */
@Injectable()
export class StockLevelService {
  constructor(private readonly tx: TransactionRunner) {}

  levels(ctx: RequestContext, filter: { regionId?: string | null; refurbisherId?: string | null }): Promise<StockLevel[]> {
    const qb = this.tx.manager(ctx).getRepository(StockLevel)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.refurbisher', 'refurbisher')
      .where('(s.available > 0 OR s.reserved > 0)');
    if (ctx.hasRole(Role.REFURBISHER)) {
      if (filter.refurbisherId && filter.refurbisherId !== ctx.organizationId) throw new ForbiddenError('A refurbisher reads its own stock');
      if (filter.regionId && filter.regionId !== ctx.user.regionId) throw new ForbiddenError('A refurbisher reads its own stock');
      qb.andWhere('s.refurbisher_id = :own', { own: ctx.organizationId });
    } else {
      if (filter.regionId) AccessPolicy.assertCanAdministerRegion(ctx, filter.regionId);
      const region = filter.regionId ?? AccessPolicy.regionScope(ctx);
      if (region) qb.andWhere('s.region_id = :region', { region });
      if (filter.refurbisherId) qb.andWhere('s.refurbisher_id = :rid', { rid: filter.refurbisherId });
    }
    return qb.orderBy('s.refurbisher_id').addOrderBy('s.category').addOrderBy('s.grade').getMany();
  }
}
