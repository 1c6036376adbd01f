import { Injectable } from '@nestjs/common';
import { Connection, decodeCursor, groupedByKey, pageSize, RequestContext, requestLoader, toConnection } from '@app/common';
import { ReadScope } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { In } from 'typeorm';
import { LotItem } from '../entities/lot-item.entity';
import { LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';

/** Reading lots, scoped per role. */
@Injectable()
export class LotService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(
    ctx: RequestContext,
    filter: { status?: LotStatus | null; refurbisherId?: string | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Lot>> {
    const limit = pageSize(first);
    const qb = this.tx.manager(ctx).getRepository(Lot).createQueryBuilder('l');
    ReadScope.apply(ctx, qb, 'Lot', 'l');
    if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter.refurbisherId) qb.andWhere('l.refurbisher_id = :rid', { rid: filter.refurbisherId });
    const total = await qb.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      qb.andWhere('(l.created_at, l.id) < (:ca, :cid)', { ca: cursor.createdAt, cid: cursor.id });
    }
    const rows = await qb
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, total);
  }

  find(ctx: RequestContext, id: string): Promise<Lot | null> {
    const qb = this.tx.manager(ctx).getRepository(Lot).createQueryBuilder('l').where('l.id = :id', { id });
    return ReadScope.apply(ctx, qb, 'Lot', 'l').getOne();
  }

  items(ctx: RequestContext, lotId: string): Promise<LotItem[]> {
    return requestLoader<string, LotItem[]>(ctx, 'lot-items', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(LotItem)
          .find({ where: { lotId: In([...ids]) }, order: { category: 'ASC' } }),
        (i) => i.lotId,
      ),
    ).load(lotId);
  }

  /** The lots of a donation the caller may see (a refurbisher sees only its own). */
  ofDonation(ctx: RequestContext, donationId: string): Promise<Lot[]> {
    return requestLoader<string, Lot[]>(ctx, 'donation-lots', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Lot)
        .createQueryBuilder('l')
        .where('l.donation_id IN (:...ids)', { ids: [...ids] });
      ReadScope.apply(ctx, qb, 'Lot', 'l');
      return groupedByKey(ids, await qb.orderBy('l.created_at', 'ASC').getMany(), (l) => l.donationId);
    }).load(donationId);
  }
}
