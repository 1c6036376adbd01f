import { Injectable } from '@nestjs/common';
import { BadInputError, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RecycleDeviceInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { Device } from '../entities/device.entity';
import { DeviceLedger } from './device-ledger.service';

/** A device not worth refurbishing leaves for recycling, with its reason; data-bearing ones only once erased. */
@Injectable()
export class DeviceRecyclingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  recycle(ctx: RequestContext, input: RecycleDeviceInput): Promise<Device> {
    const reason = input.reason.trim();
    if (!reason) throw new BadInputError('reason is required', { field: 'reason' });
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, input.deviceId, 'recycle');
      await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.RECYCLED, detail: reason, set: { recycleReason: reason } }]);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
