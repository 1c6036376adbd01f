import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { connectionSelection, Organization, OrganizationService } from '@app/network';
import { LotConnection } from '../dto/donation.types';
import { Donation } from '../entities/donation.entity';
import { LotItem } from '../entities/lot-item.entity';
import { LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';
import { DonationService } from '../services/donation.service';
import { LotOfferService } from '../services/lot-offer.service';
import { LotService } from '../services/lot.service';

@Resolver(() => Lot)
export class LotResolver {
  constructor(
    private readonly lotService: LotService,
    private readonly offers: LotOfferService,
    private readonly donationService: DonationService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER)
  @Query(() => LotConnection)
  lots(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => LotStatus, nullable: true }) status?: LotStatus,
    @Args('refurbisherId', { type: () => ID, nullable: true }) refurbisherId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<Lot>> {
    return this.lotService.list(ctx, { status, refurbisherId }, first, after, info && connectionSelection(info));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER)
  @Query(() => Lot, { nullable: true })
  lot(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Lot | null> {
    return this.lotService.find(ctx, id);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Lot)
  claimLot(@Ctx() ctx: RequestContext, @Args('lotId', { type: () => ID }) lotId: string): Promise<Lot> {
    return this.offers.claim(ctx, lotId);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Lot)
  declineLot(@Ctx() ctx: RequestContext, @Args('lotId', { type: () => ID }) lotId: string, @Args('reason') reason: string): Promise<Lot> {
    return this.offers.decline(ctx, lotId, reason);
  }

  @ResolveField(() => Donation)
  async donation(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<Donation> {
    return AccessPolicy.readableOrRefuse(await this.donationService.load(ctx, lot.donationId));
  }

  @ResolveField(() => Organization)
  async refurbisher(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, lot.refurbisherId));
  }

  @ResolveField(() => [LotItem])
  items(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<LotItem[]> {
    return this.lotService.items(ctx, lot.id);
  }
}
