import { BadInputError, ForbiddenError, NotFoundError, RequestContext, Role } from '@app/common';
import { AccessPolicy, ReadScope } from '@app/auth';
import { OrganizationKind, Organization } from '@app/network';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Who counts, reads and resolves whose stock (DESIGN.md roles), as stock levels do: a refurbisher
 * its own shelves, staff their region (ADMIN: all). Donors and partners are refused by the
 * resolvers' rules before they get here.
 */
export const ReconciliationAccess = {
  /** Listings: a refurbisher its own counts, a coordinator its region's, ADMIN all (READ_RULES). */
  scope<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string, refurbisherId?: string | null): SelectQueryBuilder<T> {
    if (refurbisherId) {
      if (ctx.hasRole(Role.REFURBISHER) && refurbisherId !== ctx.user.organizationId) throw new ForbiddenError('A refurbisher reads its own stock counts');
      qb.andWhere(`${alias}.refurbisher_id = :refurbisherId`, { refurbisherId });
    }
    return ReadScope.apply(ctx, qb, 'Reconciliation', alias);
  },

  /** Resolving is a review: staff of the refurbisher's region, or ADMIN. */
  canReview(ctx: RequestContext, scope: { regionId: string }): boolean {
    return ctx.isAdmin || (ctx.isCoordinator && ctx.user.regionId === scope.regionId);
  },

  /**
   * The refurbisher a command is for: the caller's own organization by default; another one only
   * for staff of its region (NOT_FOUND otherwise, so ids are not probed), and it must be a refurbisher.
   */
  async refurbisherFor(ctx: RequestContext, manager: EntityManager, refurbisherId: string | null | undefined): Promise<Organization> {
    const caller = ctx.user;
    if (caller.role === Role.REFURBISHER) {
      if (refurbisherId && refurbisherId !== caller.organizationId) throw new ForbiddenError('A refurbisher counts its own stock');
      return manager.getRepository(Organization).findOneByOrFail({ id: ctx.organizationId });
    }
    if (!refurbisherId) throw new BadInputError('refurbisherId is required when staff act for a refurbisher', { field: 'refurbisherId' });
    const org = await manager.getRepository(Organization).findOne({ where: { id: refurbisherId } });
    if (!org || !AccessPolicy.isStaff(ctx) || !AccessPolicy.canSeeOrganization(ctx, org)) throw new NotFoundError('Organization', refurbisherId);
    if (org.kind !== OrganizationKind.REFURBISHER) throw new BadInputError('refurbisherId must be a refurbisher', { field: 'refurbisherId' });
    return org;
  },
};
