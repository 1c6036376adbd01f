import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RecycleDeviceInput } from '../dto/device.inputs';
import { Device } from '../entities/device.entity';
import { DeviceWithdrawalService } from './device-withdrawal.service';
import { RecyclingShipmentService } from './recycling-shipment.service';

/**
 * A device not worth refurbishing leaves for recycling, with its reason; data-bearing ones only
 * once erased. One found broken after grading, even reserved, may go too: its reservation is
 * released first (DeviceWithdrawalService). With a destination (and its weight), it leaves in a
 * load of its own, a line of the register of outgoing waste, in the same transaction; without
 * one it waits "destination à renseigner" until recordRecyclingDestination takes it.
 */
@Injectable()
export class DeviceRecyclingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly withdrawal: DeviceWithdrawalService,
    private readonly shipments: RecyclingShipmentService,
  ) {}

  recycle(ctx: RequestContext, input: RecycleDeviceInput): Promise<Device> {
    const { destination, weightKg } = input;
    if (!destination) {
      const stray = (['weightKg', 'transportDocument', 'carrier', 'wasteCode'] as const).find((f) => input[f] != null);
      if (stray) {
        throw new BadInputError(`${stray} describes where the device goes: give the destination too`, { field: 'destination' }, ErrorReason.VALUE_REQUIRED);
      }
      return this.withdrawal.recycle(ctx, input.deviceId, input.reason);
    }
    if (weightKg == null)
      throw new BadInputError(
        'weightKg is required with a destination: the register counts waste by weight',
        { field: 'weightKg' },
        ErrorReason.VALUE_REQUIRED,
      );
    return this.tx.run(ctx, async (inner, manager) => {
      const recycled = await this.withdrawal.recycle(inner, input.deviceId, input.reason);
      await this.shipments.ship(inner, manager, [recycled], { ...input, destination, weightKg });
      return recycled;
    });
  }
}
