import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { DeviceLedger } from './device-ledger.service';

/**
 * A recycled device kept aside to give its parts (RAM, a screen, a battery) to devices under
 * repair. Its status stays RECYCLED (final); the flag and a custody event say it waits on a shelf.
 */
@Injectable()
export class PartsDonorService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  mark(ctx: RequestContext, deviceId: string): Promise<Device> {
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, deviceId, 'markPartsDonor');
      if (device.status !== DeviceStatus.RECYCLED) {
        throw new ConflictError(
          `Device ${device.serialNumber} is ${device.status}: only a recycled device is kept for parts (recycle it first)`,
          {
            deviceId: device.id,
            status: device.status,
          },
          ErrorReason.RECYCLING_REQUIRED,
        );
      }
      // marking twice changes nothing (a retried request)
      if (device.partsDonor) return device;
      await manager.query(`UPDATE device SET parts_donor = true, version = version + 1, updated_at = now() WHERE id = $1`, [device.id]);
      await this.ledger.note(ctx, manager, [
        { deviceId: device.id, action: DeviceAction.PARTS_DONOR, fromStatus: device.status, toStatus: device.status, detail: 'kept for parts' },
      ]);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
