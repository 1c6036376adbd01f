import { ForbiddenError, NotFoundError, RequestContext, Role } from '@app/common';

/**
 * Organization and region scoping, in one place. Services call these before they read or
 * write; an id the caller may not see answers NOT_FOUND, so ids cannot be probed.
 */
export const AccessPolicy = {
  /** ADMIN anywhere, COORDINATOR in its own region; everybody else is refused. */
  assertCanAdministerRegion(ctx: RequestContext, regionId: string): void {
    if (ctx.isAdmin) return;
    if (ctx.isCoordinator && ctx.user.regionId === regionId) return;
    throw new ForbiddenError('Only the coordinator of this region may do this');
  },

  /** The region a listing is limited to: null for ADMIN (all), the caller's region otherwise. */
  regionScope(ctx: RequestContext): string | null {
    return ctx.isAdmin ? null : ctx.user.regionId;
  },

  /** May the caller see this organization? Staff of its region, or its own members. */
  canSeeOrganization(ctx: RequestContext, org: { id: string; regionId: string }): boolean {
    if (ctx.isAdmin) return true;
    if (ctx.isCoordinator) return ctx.user.regionId === org.regionId;
    return ctx.user.organizationId === org.id;
  },

  /** Acting for an organization: its own members, its region's coordinator, or ADMIN. */
  assertActsFor(ctx: RequestContext, org: { id: string; regionId: string }, entity = 'Organization'): void {
    if (ctx.isAdmin) return;
    if (ctx.isCoordinator && ctx.user.regionId === org.regionId) return;
    if (ctx.user.organizationId === org.id) return;
    throw new NotFoundError(entity, org.id);
  },

  isStaff(ctx: RequestContext): boolean {
    return ctx.hasRole(Role.ADMIN, Role.COORDINATOR);
  },
};
