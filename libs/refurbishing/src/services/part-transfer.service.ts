import { Injectable } from '@nestjs/common';
import { ActAccess } from '@app/auth';
import { BadInputError, ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RecordPartTransferInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { DeviceLedger } from './device-ledger.service';

/** Under repair: a part is fitted before the device is (again) erased and graded. */
const UNDER_REPAIR: readonly DeviceStatus[] = [DeviceStatus.RECEIVED, DeviceStatus.WIPED];

/**
 * A part taken from a parts donor and fitted in a device under repair: the history of both says
 * so (PART_GIVEN on the donor, PART_FITTED on the repaired one), so that what a beneficiary's
 * laptop is made of can be traced.
 */
@Injectable()
export class PartTransferService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  record(ctx: RequestContext, input: RecordPartTransferInput): Promise<Device> {
    const part = input.part.trim();
    if (!part) throw new BadInputError('part is required: name the part taken ("RAM 8 GB")', { field: 'part' }, ErrorReason.VALUE_REQUIRED);
    return this.tx.run(ctx, async (_, manager) => {
      // both locked in id order, each checked as the command's subject (NOT_FOUND when not the caller's)
      const devices = await this.ledger.lock(manager, [input.fromDeviceId, input.toDeviceId]);
      for (const d of devices) ActAccess.assert(ctx, 'Device', 'transferPart', d, 'Device');
      if (input.fromDeviceId === input.toDeviceId) {
        throw new BadInputError('A device cannot give a part to itself: choose the device the part goes to', { field: 'toDeviceId' }, ErrorReason.SAME_DEVICE);
      }
      const from = devices.find((d) => d.id === input.fromDeviceId)!;
      const to = devices.find((d) => d.id === input.toDeviceId)!;
      if (!from.partsDonor) {
        throw new ConflictError(
          `Device ${from.serialNumber} is not a parts donor: recycle it and mark it as one (markPartsDonor) first`,
          {
            deviceId: from.id,
          },
          ErrorReason.NOT_A_PARTS_DONOR,
        );
      }
      if (!UNDER_REPAIR.includes(to.status)) {
        throw new ConflictError(
          `Device ${to.serialNumber} is ${to.status}: parts are fitted on the workbench (return it to the workshop first)`,
          {
            deviceId: to.id,
            status: to.status,
          },
          ErrorReason.DEVICE_NOT_IN_WORKSHOP,
        );
      }
      await this.ledger.note(ctx, manager, [
        { deviceId: from.id, action: DeviceAction.PART_GIVEN, fromStatus: from.status, toStatus: from.status, detail: `${part} to ${to.serialNumber}` },
        { deviceId: to.id, action: DeviceAction.PART_FITTED, fromStatus: to.status, toStatus: to.status, detail: `${part} from ${from.serialNumber}` },
      ]);
      return manager.getRepository(Device).findOneByOrFail({ id: to.id });
    });
  }
}
