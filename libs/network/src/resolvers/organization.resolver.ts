import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { byKey, DeviceCategory, EachItemValidationPipe, groupedByKey, RequestContext, Role, requestLoader } from '@app/common';
import { AccessPolicy, Allow, ALL_ROLES, Ctx } from '@app/auth';
import { CategoryCapacityInput, CreateOrganizationInput } from '../dto/network.inputs';
import { Organization } from '../entities/organization.entity';
import { OrganizationKind } from '../entities/organization-kind';
import { RefurbisherCapacity } from '../entities/refurbisher-capacity.entity';
import { Region } from '../entities/region.entity';
import { OrganizationService } from '../services/organization.service';
import { selectedFields } from './selected-fields';
import { RegionService } from '../services/region.service';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly regionService: RegionService,
  ) {}

  @Allow(...ALL_ROLES)
  @Query(() => [Organization])
  organizations(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => OrganizationKind, nullable: true }) kind?: OrganizationKind,
    @Args('regionId', { type: () => ID, nullable: true }) regionId?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Organization[]> {
    return this.organizationService.list(ctx, { kind, regionId }, info && selectedFields(info));
  }

  @Allow(...ALL_ROLES)
  @Query(() => Organization, { nullable: true })
  organization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Organization | null> {
    return this.organizationService.find(ctx, id);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Organization)
  createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return this.organizationService.create(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => Organization, { description: 'staff, or a refurbisher for its own workshop' })
  setRefurbisherCapacity(
    @Ctx() ctx: RequestContext,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('capacities', { type: () => [CategoryCapacityInput] }, new EachItemValidationPipe(CategoryCapacityInput, Object.keys(DeviceCategory).length))
    capacities: CategoryCapacityInput[],
  ): Promise<Organization> {
    return this.organizationService.setCapacities(ctx, organizationId, capacities);
  }

  @ResolveField(() => Region)
  async region(@Ctx() ctx: RequestContext, @Parent() org: Organization): Promise<Region> {
    const region = await requestLoader<string, Region | null>(ctx, 'region', async (ids) =>
      byKey(
        ids,
        (await this.regionService.findByIds(ctx, ids)).filter((r) => AccessPolicy.canReadRegion(ctx, r.id)),
        (r) => r.id,
      ),
    ).load(org.regionId);
    return AccessPolicy.readableOrRefuse(region);
  }

  @ResolveField(() => [RefurbisherCapacity], { description: 'refurbishers only; empty for others' })
  capacities(@Ctx() ctx: RequestContext, @Parent() org: Organization): Promise<RefurbisherCapacity[]> {
    if (org.kind !== OrganizationKind.REFURBISHER) return Promise.resolve([]);
    return requestLoader<string, RefurbisherCapacity[]>(ctx, 'capacities', async (ids) =>
      groupedByKey(ids, await this.organizationService.capacitiesOf(ctx, ids), (c) => c.organizationId),
    ).load(org.id);
  }
}
