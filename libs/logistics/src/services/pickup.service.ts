import { Injectable } from '@nestjs/common';
import { byKey, RequestContext, requestLoader } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ReadScope } from '@app/auth';
import { Lot } from '@app/donations';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Pickup } from '../entities/pickup.entity';

/** Reading pickups. A pickup is seen through its lot, so it follows the lot's scoping. */
@Injectable()
export class PickupService {
  constructor(private readonly tx: TransactionRunner) {}

  /**
   * The current pickup of each lot: the live (SCHEDULED) one if any, else the latest attempt.
   * Used by the commands under the lot's lock, and by Lot.pickup.
   */
  async latestOfLots(manager: EntityManager, lotIds: readonly string[]): Promise<Pickup[]> {
    if (!lotIds.length) return [];
    return this.latestOfLotsQuery(manager, lotIds).getMany();
  }

  private latestOfLotsQuery(manager: EntityManager, lotIds: readonly string[]): SelectQueryBuilder<Pickup> {
    return manager
      .getRepository(Pickup)
      .createQueryBuilder('p')
      .distinctOn(['p.lot_id'])
      .where('p.lot_id IN (:...lotIds)', { lotIds: [...lotIds] })
      .orderBy('p.lot_id')
      .addOrderBy(`(p.status = 'SCHEDULED')`, 'DESC')
      .addOrderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC');
  }

  /** Lot.pickup, scoped as every pickup read is (through its lot's rule), whoever reached the lot. */
  ofLot(ctx: RequestContext, lotId: string): Promise<Pickup | null> {
    return requestLoader<string, Pickup | null>(ctx, 'lot-pickup', async (ids) => {
      const latest = this.latestOfLotsQuery(this.tx.manager(ctx), ids);
      return byKey(ids, await ReadScope.apply(ctx, latest, 'Pickup', 'p').getMany(), (p) => p.lotId);
    }).load(lotId);
  }

  /** Pickup.lot, scoped as every lot read is. */
  lotOf(ctx: RequestContext, lotId: string): Promise<Lot | null> {
    return requestLoader<string, Lot | null>(ctx, 'pickup-lot', async (ids) => {
      const qb = this.tx
        .manager(ctx)
        .getRepository(Lot)
        .createQueryBuilder('l')
        .where('l.id IN (:...ids)', { ids: [...ids] });
      return byKey(ids, await ReadScope.apply(ctx, qb, 'Lot', 'l').getMany(), (l) => l.id);
    }).load(lotId);
  }
}
