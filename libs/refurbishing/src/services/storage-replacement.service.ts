import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ReplaceStorageInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { DeviceLedger } from './device-ledger.service';

/** On the workbench: where a disk is fitted. A device in stock goes back to the workshop first. */
const ON_THE_BENCH: readonly DeviceStatus[] = [DeviceStatus.RECEIVED, DeviceStatus.WIPED];

/**
 * A new disk fitted in a device whose own was destroyed by its erasure (or removed): its specs
 * show it again and it may be graded. The chain of custody says so.
 */
@Injectable()
export class StorageReplacementService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  replace(ctx: RequestContext, input: ReplaceStorageInput): Promise<Device> {
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, input.deviceId, 'replaceStorage');
      if (!ON_THE_BENCH.includes(device.status)) {
        throw new ConflictError(
          `Device ${device.serialNumber} is ${device.status}: a disk is fitted on the workbench (return it to the workshop first)`,
          {
            deviceId: device.id,
            status: device.status,
          },
          ErrorReason.DEVICE_NOT_IN_WORKSHOP,
        );
      }
      await manager.query(
        `UPDATE device SET specs_storage_gb = $2, specs_ssd = $3, needs_storage = false, version = version + 1, updated_at = now() WHERE id = $1`,
        [device.id, input.storageGb, input.ssd],
      );
      await this.ledger.note(ctx, manager, [
        {
          deviceId: device.id,
          action: DeviceAction.STORAGE_REPLACED,
          fromStatus: device.status,
          toStatus: device.status,
          detail: `new disk: ${input.storageGb} GB ${input.ssd ? 'SSD' : 'HDD'}`,
        },
      ]);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
