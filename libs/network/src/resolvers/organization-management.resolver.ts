import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, ALL_ROLES, Ctx } from '@app/auth';
import { DeactivateOrganizationInput, UpdateOrganizationInput } from '../dto/network.inputs';
import { OrganizationContact } from '../entities/organization-contact';
import { Organization } from '../entities/organization.entity';
import { OrganizationContacts } from '../services/organization-contacts.service';
import { OrganizationDeactivationService } from '../services/organization-deactivation.service';
import { OrganizationProfileService } from '../services/organization-profile.service';

/** Editing and (de)activating organizations, and their contact: the day-to-day running of a network. */
@Resolver(() => Organization)
export class OrganizationManagementResolver {
  constructor(
    private readonly profiles: OrganizationProfileService,
    private readonly deactivation: OrganizationDeactivationService,
    private readonly contacts: OrganizationContacts,
  ) {}

  @Allow(...ALL_ROLES)
  @Mutation(() => Organization, { description: "staff: everything; the organization's own users: its address and contact" })
  updateOrganization(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOrganizationInput): Promise<Organization> {
    return this.profiles.update(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Organization, { description: 'it takes no new work (declarations, orders, claims); its history and its users stay' })
  deactivateOrganization(@Ctx() ctx: RequestContext, @Args('input') input: DeactivateOrganizationInput): Promise<Organization> {
    return this.deactivation.deactivate(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Organization)
  reactivateOrganization(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string): Promise<Organization> {
    return this.deactivation.reactivate(ctx, organizationId);
  }

  @ResolveField(() => OrganizationContact, {
    nullable: true,
    description: 'for staff of its region, its own users, and those working with it on live work (held lots, reserved devices); null for others',
  })
  contact(@Ctx() ctx: RequestContext, @Parent() org: Organization): Promise<OrganizationContact | null> {
    return this.contacts.of(ctx, org.id);
  }
}
