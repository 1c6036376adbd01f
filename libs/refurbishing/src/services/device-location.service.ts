import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { SetDeviceLocationInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { DeviceLedger } from './device-ledger.service';

/** In the workshop: a device shipped, delivered or missing is on no shelf of it. */
const IN_THE_WORKSHOP: readonly DeviceStatus[] = [
  DeviceStatus.RECEIVED,
  DeviceStatus.WIPED,
  DeviceStatus.IN_STOCK,
  DeviceStatus.RESERVED,
  DeviceStatus.RECYCLED,
];

/** A device moved to another shelf or bin: what a partial stock count (scope.location) names. */
@Injectable()
export class DeviceLocationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  set(ctx: RequestContext, input: SetDeviceLocationInput): Promise<Device> {
    const location = input.location?.trim() || null;
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, input.deviceId, 'locate');
      if (!IN_THE_WORKSHOP.includes(device.status)) {
        throw new ConflictError(
          `Device ${device.serialNumber} is ${device.status}: it is on no shelf of the workshop`,
          {
            deviceId: device.id,
            status: device.status,
          },
          ErrorReason.DEVICE_NOT_IN_WORKSHOP,
        );
      }
      if (device.location === location) return device;
      await manager.query(`UPDATE device SET location = $2, version = version + 1, updated_at = now() WHERE id = $1`, [device.id, location]);
      await this.ledger.note(ctx, manager, [
        { deviceId: device.id, action: DeviceAction.LOCATED, fromStatus: device.status, toStatus: device.status, detail: location ?? 'no location' },
      ]);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
