import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { CustodyEvent } from '../entities/custody-event.entity';

/**
 * The chain of custody is shown to everyone who sees the device, but each link only says what
 * the caller may know: the organization when the caller may read it (a donor sees the workshop
 * that took its device, not the partner it went to; a partner never sees the donor), staff
 * e-mails only of the caller's own organization (coordinator: its region; ADMIN: all; background
 * jobs show as "system" to everyone), and the
 * recorded detail (certificate numbers, lot references) not to a partner, unless it wrote it.
 */
@Resolver(() => CustodyEvent)
export class CustodyEventResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @ResolveField(() => Organization, {
    nullable: true,
    description: "the acting user's organization; null for the platform, or when the caller may not know it",
  })
  organization(@Ctx() ctx: RequestContext, @Parent() event: CustodyEvent): Promise<Organization | null> {
    return event.organizationId ? this.organizationService.load(ctx, event.organizationId) : Promise.resolve(null);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "the acting user's e-mail: for its own organization's members and the staff over it; null otherwise",
  })
  async actor(@Ctx() ctx: RequestContext, @Parent() event: CustodyEvent): Promise<string | null> {
    if (ctx.isAdmin) return event.actor;
    // the platform: a background job ("system") is nobody's address; an administrator's is
    if (!event.organizationId) return event.actorUserId ? null : event.actor;
    if (event.organizationId === ctx.user.organizationId) return event.actor;
    if (ctx.isCoordinator && (await this.organizationService.load(ctx, event.organizationId))) return event.actor;
    return null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'what else was recorded: the erasure certificate, the grade, the reason; not shown to a partner but for its own events',
  })
  detail(@Ctx() ctx: RequestContext, @Parent() event: CustodyEvent): string | null {
    if (ctx.hasRole(Role.PARTNER) && event.organizationId !== ctx.user.organizationId) return null;
    return event.detail;
  }
}
