import { BadInputError, ErrorReason, NotFoundError, RequestContext, Role } from '@app/common';
import { ActAccess } from '@app/auth';
import { Organization, OrganizationKind, refuseIfDeactivated } from '@app/network';
import { EntityManager } from 'typeorm';

/**
 * The partner a need or an accompaniment session is recorded for: the caller's own organization,
 * or the partner staff name (ACT_RULES.Organization.recordNeedFor / recordAccompanimentFor).
 */
export async function partnerOfRecord(
  ctx: RequestContext,
  manager: EntityManager,
  partnerId: string | null | undefined,
  action: 'recordNeedFor' | 'recordAccompanimentFor',
  doing: string,
): Promise<Organization> {
  if (ctx.user.role === Role.PARTNER) {
    if (partnerId) ActAccess.assert(ctx, 'Organization', action, { id: partnerId });
    const own = await manager.getRepository(Organization).findOneByOrFail({ id: ctx.user.organizationId! });
    refuseIfDeactivated(own, doing);
    return own;
  }
  if (!partnerId) {
    throw new BadInputError(
      'partnerId is required when staff record for a partner: choose the partner',
      { field: 'partnerId' },
      ErrorReason.ORGANIZATION_REQUIRED,
    );
  }
  const partner = await manager.getRepository(Organization).findOne({ where: { id: partnerId } });
  if (!partner) throw new NotFoundError('Organization', partnerId);
  ActAccess.assert(ctx, 'Organization', action, partner);
  if (partner.kind !== OrganizationKind.PARTNER) {
    throw new BadInputError(
      'partnerId must be a partner organization: choose a partner',
      { field: 'partnerId', expected: OrganizationKind.PARTNER },
      ErrorReason.WRONG_ORGANIZATION_KIND,
    );
  }
  refuseIfDeactivated(partner, doing);
  return partner;
}
