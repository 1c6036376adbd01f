import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Lot } from '@app/donations';
import { ReceiveLotInput } from '../dto/device.inputs';
import { Device } from '../entities/device.entity';
import { LotIntakeItem } from '../entities/lot-intake-item.entity';
import { LotIntake } from '../entities/lot-intake.entity';
import { DeviceService } from '../services/device.service';
import { LotIntakeService } from '../services/lot-intake.service';
import { LotReceivingService } from '../services/lot-receiving.service';

/** receiveLot and the Lot fields of intake, served from here so that donations does not depend on refurbishing. */
@Resolver(() => Lot)
export class LotDevicesResolver {
  constructor(
    private readonly receiving: LotReceivingService,
    private readonly deviceService: DeviceService,
    private readonly intakes: LotIntakeService,
  ) {}

  @Allow(Role.REFURBISHER)
  @Mutation(() => Lot)
  receiveLot(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveLotInput): Promise<Lot> {
    return this.receiving.receive(ctx, input);
  }

  @ResolveField(() => [Device])
  devices(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<Device[]> {
    return this.deviceService.ofLot(ctx, lot.id);
  }

  @ResolveField(() => Int, { nullable: true, description: 'devices registered at intake; null until the lot is received' })
  async receivedQuantity(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<number | null> {
    return (await this.intakes.ofLot(ctx, lot.id))?.receivedQuantity ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'receivedQuantity - quantity (negative: fewer arrived than declared); null until received' })
  async countDifference(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<number | null> {
    return (await this.intakes.ofLot(ctx, lot.id))?.differenceFromDeclared ?? null;
  }

  @ResolveField(() => LotIntake, { nullable: true, description: 'what arrived against what was declared and collected; null until received' })
  intake(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<LotIntake | null> {
    return this.intakes.ofLot(ctx, lot.id);
  }
}

@Resolver(() => LotIntake)
export class LotIntakeResolver {
  constructor(private readonly intakes: LotIntakeService) {}

  @ResolveField(() => [LotIntakeItem], { description: 'per category, declared against received' })
  items(@Ctx() ctx: RequestContext, @Parent() intake: LotIntake): Promise<LotIntakeItem[]> {
    return this.intakes.items(ctx, intake.lotId);
  }
}
