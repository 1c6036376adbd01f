import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, DeviceCategory, RequestContext, Role } from '@app/common';
import { AccessPolicy, ALL_ROLES, Allow, Ctx } from '@app/auth';
import { Lot } from '@app/donations';
import { Organization, OrganizationService } from '@app/network';
import { GradeDeviceInput, RecordErasureInput, RecycleDeviceInput } from '../dto/device.inputs';
import { DeviceConnection } from '../dto/device.types';
import { CustodyEvent } from '../entities/custody-event.entity';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { ErasureRecord } from '../entities/erasure-record.entity';
import { DeviceErasureService } from '../services/device-erasure.service';
import { DeviceGradingService } from '../services/device-grading.service';
import { DeviceRecyclingService } from '../services/device-recycling.service';
import { DeviceService } from '../services/device.service';

@Resolver(() => Device)
export class DeviceResolver {
  constructor(
    private readonly deviceService: DeviceService,
    private readonly erasures: DeviceErasureService,
    private readonly grading: DeviceGradingService,
    private readonly recycling: DeviceRecyclingService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(...ALL_ROLES)
  @Query(() => DeviceConnection)
  devices(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => DeviceStatus, nullable: true }) status?: DeviceStatus,
    @Args('category', { type: () => DeviceCategory, nullable: true }) category?: DeviceCategory,
    @Args('refurbisherId', { type: () => ID, nullable: true }) refurbisherId?: string,
    @Args('donationId', { type: () => ID, nullable: true }) donationId?: string,
    @Args('serialNumber', { type: () => String, nullable: true }) serialNumber?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Connection<Device>> {
    return this.deviceService.list(ctx, { status, category, refurbisherId, donationId, serialNumber }, first, after);
  }

  @Allow(...ALL_ROLES)
  @Query(() => Device, { nullable: true })
  device(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Device | null> {
    return this.deviceService.find(ctx, id);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device)
  recordErasure(@Ctx() ctx: RequestContext, @Args('input') input: RecordErasureInput): Promise<Device> {
    return this.erasures.record(ctx, input);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device)
  gradeDevice(@Ctx() ctx: RequestContext, @Args('input') input: GradeDeviceInput): Promise<Device> {
    return this.grading.grade(ctx, input);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device)
  recycleDevice(@Ctx() ctx: RequestContext, @Args('input') input: RecycleDeviceInput): Promise<Device> {
    return this.recycling.recycle(ctx, input);
  }

  // Each edge applies the rule of the resource it leads to (READ_RULES), whoever the parent was
  // reached by: a partner holding a device does not reach its lot, its donor or the lot's other devices.
  @ResolveField(() => Lot, { description: 'refused (FORBIDDEN) to a partner: the lot belongs to the donor and the refurbisher' })
  async lot(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<Lot> {
    return AccessPolicy.readableOrRefuse(await this.deviceService.lot(ctx, device.lotId));
  }

  @ResolveField(() => Organization, { description: 'refused (FORBIDDEN) to a partner: it never learns who gave the device' })
  async donor(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, device.donorId));
  }

  @ResolveField(() => Organization)
  async refurbisher(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, device.refurbisherId));
  }

  @ResolveField(() => ErasureRecord, { nullable: true, description: 'for the donor, the refurbisher and staff; null for a partner, who reads `erased`' })
  erasure(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<ErasureRecord | null> {
    if (!AccessPolicy.mayReadErasureRecord(ctx)) return Promise.resolve(null);
    return this.deviceService.erasure(ctx, device.id);
  }

  @ResolveField(() => Boolean, { description: 'a verified erasure record exists: the fact, for everyone who sees the device, without the certificate' })
  async erased(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<boolean> {
    return (await this.deviceService.erasure(ctx, device.id))?.verified ?? false;
  }

  @ResolveField(() => [CustodyEvent], { description: 'every change of custody or status, oldest first' })
  history(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<CustodyEvent[]> {
    return this.deviceService.history(ctx, device.id);
  }
}
