import { RequestContext, Role } from '@app/common';
import { SelectQueryBuilder } from 'typeorm';

/**
 * Who sees which donations and lots (DESIGN.md roles): staff their region, a donor its own
 * donations and their lots, a refurbisher the lots offered to or claimed by it (and their
 * donations). Partners see none. Applied as SQL so that lists and counts agree.
 */
export const DonationAccess = {
  scopeDonations<T extends object>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const caller = ctx.user;
    switch (caller.role) {
      case Role.ADMIN:
        return qb;
      case Role.COORDINATOR:
        return qb.andWhere(`${alias}.region_id = :scopeRegion`, { scopeRegion: caller.regionId });
      case Role.DONOR:
        return qb.andWhere(`${alias}.donor_id = :scopeOrg`, { scopeOrg: caller.organizationId });
      case Role.REFURBISHER:
        return qb.andWhere(`EXISTS (SELECT 1 FROM lot sl WHERE sl.donation_id = ${alias}.id AND sl.refurbisher_id = :scopeOrg)`, { scopeOrg: caller.organizationId });
      default:
        return qb.andWhere('false');
    }
  },

  scopeLots<T extends object>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const caller = ctx.user;
    switch (caller.role) {
      case Role.ADMIN:
        return qb;
      case Role.COORDINATOR:
        return qb.andWhere(`${alias}.region_id = :scopeRegion`, { scopeRegion: caller.regionId });
      case Role.DONOR:
        return qb.andWhere(`EXISTS (SELECT 1 FROM donation sd WHERE sd.id = ${alias}.donation_id AND sd.donor_id = :scopeOrg)`, { scopeOrg: caller.organizationId });
      case Role.REFURBISHER:
        return qb.andWhere(`${alias}.refurbisher_id = :scopeOrg`, { scopeOrg: caller.organizationId });
      default:
        return qb.andWhere('false');
    }
  },
};
