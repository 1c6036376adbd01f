import { RequestContext, Role } from '@app/common';
import { SelectQueryBuilder } from 'typeorm';

/** The columns of an order that decide who may see it. */
export interface OrderScope {
  partnerId: string;
  regionId: string;
}

/**
 * Who sees which orders (DESIGN.md roles): staff their region (ADMIN: all), a partner its own
 * orders. Donors and refurbishers see none through the order queries; a refurbisher reaches the
 * order of a device it holds through Device.order (DeviceOrderResolver), to ship it.
 */
export const OrderAccess = {
  scope<T extends object>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const caller = ctx.user;
    switch (caller.role) {
      case Role.ADMIN:
        return qb;
      case Role.COORDINATOR:
        return qb.andWhere(`${alias}.region_id = :scopeRegion`, { scopeRegion: caller.regionId });
      case Role.PARTNER:
        return qb.andWhere(`${alias}.partner_id = :scopeOrg`, { scopeOrg: caller.organizationId });
      default:
        return qb.andWhere('false');
    }
  },

  /** The partner that placed it, or staff of its region: they read and cancel it, and see its beneficiary references. */
  isOwnerOrStaff(ctx: RequestContext, order: OrderScope): boolean {
    const caller = ctx.user;
    if (caller.role === Role.ADMIN) return true;
    if (caller.role === Role.COORDINATOR) return caller.regionId === order.regionId;
    return caller.role === Role.PARTNER && caller.organizationId === order.partnerId;
  },
};
