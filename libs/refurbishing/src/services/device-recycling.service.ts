import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { RecycleDeviceInput } from '../dto/device.inputs';
import { Device } from '../entities/device.entity';
import { DeviceWithdrawalService } from './device-withdrawal.service';

/**
 * A device not worth refurbishing leaves for recycling, with its reason; data-bearing ones only
 * once erased. One found broken after grading, even reserved, may go too: its reservation is
 * released first (DeviceWithdrawalService).
 */
@Injectable()
export class DeviceRecyclingService {
  constructor(private readonly withdrawal: DeviceWithdrawalService) {}

  recycle(ctx: RequestContext, input: RecycleDeviceInput): Promise<Device> {
    return this.withdrawal.recycle(ctx, input.deviceId, input.reason);
  }
}
