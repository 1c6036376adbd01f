import { Injectable } from '@nestjs/common';
import { Connection, RequestContext } from '@app/common';
import { ReadScope } from '@app/auth';
import { keysetPage, TransactionRunner } from '@app/database';
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
    const qb = this.tx.manager(ctx).getRepository(Need).createQueryBuilder('n');
    ReadScope.apply(ctx, qb, 'Need', 'n');
    if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
    if (filter.partnerId) qb.andWhere('n.partner_id = :partnerId', { partnerId: filter.partnerId });
    return keysetPage(qb, 'n', first, after);
  }
}
