import { BadInputError, ErrorReason, NotFoundError, RequestContext, Role } from '@app/common';
import { ActAccess } from '@app/auth';
import { OrganizationKind, Organization } from '@app/network';
import { EntityManager } from 'typeorm';

/**
 * Whose stock a count or a rebuild is for. Who may do it is ACT_RULES.Organization.countStockOf;
 * this only says which organization the command names.
 */
export const ReconciliationAccess = {
  /**
   * The caller's own organization by default (a refurbisher names only itself, FORBIDDEN
   * otherwise); staff name one of their region (NOT_FOUND otherwise, so ids are not probed), and
   * it must be a refurbisher.
   */
  async refurbisherFor(ctx: RequestContext, manager: EntityManager, refurbisherId: string | null | undefined): Promise<Organization> {
    if (ctx.user.role === Role.REFURBISHER) {
      if (refurbisherId) ActAccess.assert(ctx, 'Organization', 'countStockOf', { id: refurbisherId });
      return manager.getRepository(Organization).findOneByOrFail({ id: ctx.organizationId });
    }
    if (!refurbisherId) {
      throw new BadInputError(
        'refurbisherId is required when staff act for a refurbisher: choose the refurbisher',
        { field: 'refurbisherId' },
        ErrorReason.ORGANIZATION_REQUIRED,
      );
    }
    const org = await manager.getRepository(Organization).findOne({ where: { id: refurbisherId } });
    if (!org) throw new NotFoundError('Organization', refurbisherId);
    ActAccess.assert(ctx, 'Organization', 'countStockOf', org, 'Organization');
    if (org.kind !== OrganizationKind.REFURBISHER) {
      throw new BadInputError(
        'refurbisherId must be a refurbisher: choose one',
        { field: 'refurbisherId', expected: OrganizationKind.REFURBISHER },
        ErrorReason.WRONG_ORGANIZATION_KIND,
      );
    }
    return org;
  },
};
