import { Injectable } from '@nestjs/common';
import { Connection, decodeCursor, pageSize, RequestContext, toConnection } from '@app/common';
import { ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Need } from './need.entity';
import { NeedStatus } from './need-status';

export interface NeedFilter {
  status?: NeedStatus | null;
  partnerId?: string | null;
}

/** Reading needs, scoped per role (READ_RULES.Need): a partner its own, staff their region, ADMIN all. */
@Injectable()
export class NeedService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(ctx: RequestContext, filter: NeedFilter, first?: number | null, after?: string | null): Promise<Connection<Need>> {
    const limit = pageSize(first);
    const qb = this.tx.manager(ctx).getRepository(Need).createQueryBuilder('n');
    ReadScope.apply(ctx, qb, 'Need', 'n');
    if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
    if (filter.partnerId) qb.andWhere('n.partner_id = :partnerId', { partnerId: filter.partnerId });
    const total = await qb.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      qb.andWhere('(n.created_at, n.id) < (:ca, :cid)', { ca: cursor.createdAt, cid: cursor.id });
    }
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, total);
  }
}
