import { RequestContext, Role } from '@app/common';
import { ReadScope } from '@app/auth';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The columns of an order that decide who may see it. */
export interface OrderScope {
  partnerId: string;
  regionId: string;
}

/**
 * Who sees which orders (DESIGN.md roles): staff their region (ADMIN: all), a partner its own
 * orders. Donors never. A refurbisher, refused by the order queries, reaches through Device.order
 * the orders its devices are reserved for, to ship them (the rule is declared in READ_RULES).
 */
export const OrderAccess = {
  scope<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    return ReadScope.apply(ctx, qb, 'PartnerOrder', alias);
  },

  /** The partner that placed it, or staff of its region: they read and cancel it, and see its beneficiary references. */
  isOwnerOrStaff(ctx: RequestContext, order: OrderScope): boolean {
    const caller = ctx.user;
    if (caller.role === Role.ADMIN) return true;
    if (caller.role === Role.COORDINATOR) return caller.regionId === order.regionId;
    return caller.role === Role.PARTNER && caller.organizationId === order.partnerId;
  },
};
