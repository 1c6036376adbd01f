import { RequestContext } from '@app/common';
import { ReadScope } from '@app/auth';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Who sees which donations and lots (DESIGN.md roles): staff their region, a donor its own
 * donations and their lots, a refurbisher the lots offered to or claimed by it (and their
 * donations). Partners see none. Applied as SQL so that lists, counts and the edges that lead
 * here (Lot.donation, Device.lot, Pickup.lot) agree; the rules are declared in READ_RULES.
 */
export const DonationAccess = {
  scopeDonations<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    return ReadScope.apply(ctx, qb, 'Donation', alias);
  },

  scopeLots<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    return ReadScope.apply(ctx, qb, 'Lot', alias);
  },

  /** A pickup is read through its lot: the lot's rule. */
  scopePickups<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    return ReadScope.apply(ctx, qb, 'Pickup', alias);
  },
};
