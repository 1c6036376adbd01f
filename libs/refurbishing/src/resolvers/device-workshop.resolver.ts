import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { RecordPartTransferInput, RecoverDeviceInput, ReplaceStorageInput, ReturnToWorkshopInput, SetDeviceLocationInput } from '../dto/device.inputs';
import { Device } from '../entities/device.entity';
import { DeviceLocationService } from '../services/device-location.service';
import { DeviceRecoveryService } from '../services/device-recovery.service';
import { DeviceWithdrawalService } from '../services/device-withdrawal.service';
import { PartTransferService } from '../services/part-transfer.service';
import { PartsDonorService } from '../services/parts-donor.service';
import { StorageReplacementService } from '../services/storage-replacement.service';

/** The workshop's ways out of dead ends: a new disk, back to the bench, a missing device found, parts, shelves. */
@Resolver(() => Device)
export class DeviceWorkshopResolver {
  constructor(
    private readonly storage: StorageReplacementService,
    private readonly withdrawal: DeviceWithdrawalService,
    private readonly recovery: DeviceRecoveryService,
    private readonly partsDonors: PartsDonorService,
    private readonly parts: PartTransferService,
    private readonly locations: DeviceLocationService,
  ) {}

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device, { description: 'a new disk fitted in place of one destroyed or removed: the device may be graded again' })
  replaceStorage(@Ctx() ctx: RequestContext, @Args('input') input: ReplaceStorageInput): Promise<Device> {
    return this.storage.replace(ctx, input);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device, {
    description: 'a device found broken after grading goes back to the workbench (RECEIVED); a reservation is released and its order matched again',
  })
  returnToWorkshop(@Ctx() ctx: RequestContext, @Args('input') input: ReturnToWorkshopInput): Promise<Device> {
    return this.withdrawal.returnToWorkshop(ctx, input.deviceId, input.reason);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => Device, { description: 'a MISSING device found again goes back to the status it had' })
  recoverDevice(@Ctx() ctx: RequestContext, @Args('input') input: RecoverDeviceInput): Promise<Device> {
    return this.recovery.recover(ctx, input.deviceId, input.note);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device, { description: 'a recycled device kept to give parts to devices under repair' })
  markPartsDonor(@Ctx() ctx: RequestContext, @Args('deviceId', { type: () => ID }) deviceId: string): Promise<Device> {
    return this.partsDonors.mark(ctx, deviceId);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device, { description: 'a part taken from a parts donor and fitted in a device under repair; returns the repaired device' })
  recordPartTransfer(@Ctx() ctx: RequestContext, @Args('input') input: RecordPartTransferInput): Promise<Device> {
    return this.parts.record(ctx, input);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device, { description: 'the shelf or bin a device sits on' })
  setDeviceLocation(@Ctx() ctx: RequestContext, @Args('input') input: SetDeviceLocationInput): Promise<Device> {
    return this.locations.set(ctx, input);
  }
}
