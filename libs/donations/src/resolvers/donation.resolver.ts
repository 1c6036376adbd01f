import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { DeclareDonationInput } from '../dto/donation.inputs';
import { DonationConnection } from '../dto/donation.types';
import { DonationLine } from '../entities/donation-line.entity';
import { ExpectedDevice } from '../entities/expected-device.entity';
import { DonationStatus } from '../entities/donation-status';
import { Donation } from '../entities/donation.entity';
import { Lot } from '../entities/lot.entity';
import { DonationService } from '../services/donation.service';
import { ExpectedDeviceService } from '../services/expected-device.service';
import { LotService } from '../services/lot.service';

@Resolver(() => Donation)
export class DonationResolver {
  constructor(
    private readonly donationService: DonationService,
    private readonly lotService: LotService,
    private readonly organizationService: OrganizationService,
    private readonly expectedDeviceService: ExpectedDeviceService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER)
  @Query(() => DonationConnection)
  donations(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => DonationStatus, nullable: true }) status?: DonationStatus,
    @Args('donorId', { type: () => ID, nullable: true }) donorId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Connection<Donation>> {
    return this.donationService.list(ctx, { status, donorId }, first, after);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER)
  @Query(() => Donation, { nullable: true })
  donation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Donation | null> {
    return this.donationService.find(ctx, id);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR)
  @Mutation(() => Donation)
  declareDonation(@Ctx() ctx: RequestContext, @Args('input') input: DeclareDonationInput): Promise<Donation> {
    return this.donationService.declare(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR)
  @Mutation(() => Donation)
  cancelDonation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Donation> {
    return this.donationService.cancel(ctx, id);
  }

  @ResolveField(() => Organization)
  async donor(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, donation.donorId));
  }

  @ResolveField(() => [DonationLine])
  lines(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<DonationLine[]> {
    return this.donationService.lines(ctx, donation.id);
  }

  @ResolveField(() => Int)
  async quantity(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<number> {
    return (await this.donationService.lines(ctx, donation.id)).reduce((s, l) => s + l.quantity, 0);
  }

  @ResolveField(() => Int, { description: 'devices not yet in an offered or claimed lot' })
  unroutedQuantity(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<number> {
    return this.donationService.unroutedQuantity(ctx, donation.id);
  }

  @ResolveField(() => [ExpectedDevice], {
    description: "the devices the donor's inventory named by serial number (a per-device export), in its order; empty otherwise",
  })
  expectedDevices(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<ExpectedDevice[]> {
    return this.expectedDeviceService.ofDonation(ctx, donation.id);
  }

  @ResolveField(() => [Lot])
  lots(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<Lot[]> {
    return this.lotService.ofDonation(ctx, donation.id);
  }
}
