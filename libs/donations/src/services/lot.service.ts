import { Injectable } from '@nestjs/common';
import { Connection, groupedByKey, RequestContext, requestLoader } from '@app/common';
import { ReadScope } from '@app/auth';
import { ConnectionSelection, KeysetListing, TransactionRunner } from '@app/database';
import { In } from 'typeorm';
import { LotItem } from '../entities/lot-item.entity';
import { LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';

/** Reading lots, scoped per role. */
@Injectable()
export class LotService {
  private readonly listing = new KeysetListing(Lot, 'l', new Set(['id', 'createdAt']));

  constructor(private readonly tx: TransactionRunner) {}

  /**
   * A page of the lots the caller may read. With `selection` (what the GraphQL query asks for),
   * only the columns it needs are read, besides id and createdAt (the cursor), and the count only
   * when asked for.
   */
  list(
    ctx: RequestContext,
    filter: { status?: LotStatus | null; refurbisherId?: string | null },
    first?: number | null,
    after?: string | null,
    selection?: ConnectionSelection,
  ): Promise<Connection<Lot>> {
    const filters = [
      { name: 'status', sql: 'l.status = :status', value: filter.status },
      { name: 'rid', sql: 'l.refurbisher_id = :rid', value: filter.refurbisherId },
    ];
    return this.listing.list(this.tx.manager(ctx), ReadScope.sql(ctx.user, 'Lot', 'l'), filters, first, after, selection);
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
