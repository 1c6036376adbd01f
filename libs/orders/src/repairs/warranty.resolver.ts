import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { SetWarrantyArgs } from './repair.args';
import { WarrantyView } from './warranty-policy.type';
import { WarrantyService } from './warranty.service';

@Resolver(() => WarrantyView)
export class WarrantyResolver {
  constructor(
    private readonly warranties: WarrantyService,
    private readonly organizations: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => WarrantyView, { description: 'the warranty a refurbisher gives on the devices it delivers from now on' })
  setWarranty(@Ctx() ctx: RequestContext, @Args() args: SetWarrantyArgs): Promise<WarrantyView> {
    return this.warranties.set(ctx, args.refurbisherId, args.months);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Query(() => WarrantyView, { description: 'the warranty a refurbisher gives on the devices it delivers (0 months: none)' })
  warranty(
    @Ctx() ctx: RequestContext,
    @Args('refurbisherId', { type: () => ID, nullable: true, description: "staff name the refurbisher; a refurbisher's own by default" })
    refurbisherId?: string,
  ): Promise<WarrantyView> {
    return this.warranties.get(ctx, refurbisherId);
  }

  @ResolveField(() => Organization, { nullable: true })
  refurbisher(@Ctx() ctx: RequestContext, @Parent() warranty: WarrantyView): Promise<Organization | null> {
    return this.organizations.load(ctx, warranty.refurbisherId);
  }
}
