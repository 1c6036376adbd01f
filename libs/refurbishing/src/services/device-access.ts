import { RequestContext, Role } from '@app/common';
import { SelectQueryBuilder } from 'typeorm';

/**
 * Who sees which devices (DESIGN.md roles), as SQL so that pages and counts agree: staff their
 * region (ADMIN: all), a refurbisher the devices it holds, a donor the devices of its own
 * donations, a partner the devices of its orders. Every column used is on the device row itself.
 */
export const DeviceAccess = {
  scope<T extends object>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const caller = ctx.user;
    switch (caller.role) {
      case Role.ADMIN:
        return qb;
      case Role.COORDINATOR:
        return qb.andWhere(`${alias}.region_id = :scopeRegion`, { scopeRegion: caller.regionId });
      case Role.REFURBISHER:
        return qb.andWhere(`${alias}.refurbisher_id = :scopeOrg`, { scopeOrg: caller.organizationId });
      case Role.DONOR:
        return qb.andWhere(`${alias}.donor_id = :scopeOrg`, { scopeOrg: caller.organizationId });
      case Role.PARTNER:
        // The devices reserved for, shipped or delivered to its orders (the live link of orders, #6).
        return qb.andWhere(
          `EXISTS (SELECT 1 FROM order_line_device x WHERE x.device_id = ${alias}.id AND x.partner_id = :scopeOrg AND x.released_at IS NULL)`,
          { scopeOrg: caller.organizationId },
        );
      default:
        return qb.andWhere('false');
    }
  },
};
