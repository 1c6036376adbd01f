import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner, TransactionEvents } from '@app/database';
import { EntityManager } from 'typeorm';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { ReservationsWithdrawn } from '../events/reservations-withdrawn.event';
import { DeviceLedger } from './device-ledger.service';

/**
 * A device found broken leaves the workbench flow or the shelf: back to the workshop
 * (IN_STOCK|RESERVED -> RECEIVED, to be erased and graded again) or to recycling (RECEIVED|WIPED|
 * IN_STOCK|RESERVED -> RECYCLED). A reserved one first leaves its order: ReservationsWithdrawn is
 * recorded before the device is locked, so orders ends the reservation in its own lock order
 * (orders, lines, links, device), the order is re-derived and matched again; then the device,
 * IN_STOCK by then, is locked and moved. Custody events and stock counters follow each step.
 */
@Injectable()
export class DeviceWithdrawalService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
    private readonly events: TransactionEvents,
  ) {}

  returnToWorkshop(ctx: RequestContext, deviceId: string, rawReason: string): Promise<Device> {
    const reason = required(rawReason, 'reason');
    return this.tx.run(ctx, async (inner, manager) => {
      const device = await this.withdrawn(inner, manager, deviceId, 'returnToWorkshop', reason);
      await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.RETURNED_TO_WORKSHOP, detail: reason }]);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }

  recycle(ctx: RequestContext, deviceId: string, rawReason: string): Promise<Device> {
    const reason = required(rawReason, 'reason');
    return this.tx.run(ctx, async (inner, manager) => {
      const device = await this.withdrawn(inner, manager, deviceId, 'recycle', reason);
      await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.RECYCLED, detail: reason, set: { recycleReason: reason } }]);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }

  /** The device, locked, its reservation ended first when it has one. */
  private async withdrawn(
    ctx: RequestContext,
    manager: EntityManager,
    deviceId: string,
    action: 'returnToWorkshop' | 'recycle',
    reason: string,
  ): Promise<Device> {
    const seen = await this.ledger.readHeld(ctx, manager, deviceId, action);
    if (seen.status === DeviceStatus.SHIPPED) {
      // on its way to, or at, the partner: only the partner's refusal at delivery brings it back
      throw new ConflictError(
        `Device ${deviceId} is shipped: the partner refuses it at delivery (refuseDevice) if it does not work`,
        { deviceId },
        ErrorReason.DEVICE_ALREADY_SHIPPED,
      );
    }
    if (seen.status === DeviceStatus.RESERVED) {
      await this.events.record(manager, new ReservationsWithdrawn(ctx, [seen.id], `withdrawn from its order: ${reason}`));
    }
    return this.ledger.lockHeld(ctx, manager, deviceId, action);
  }
}

function required(raw: string, field: string): string {
  const value = raw.trim();
  if (!value) throw new BadInputError(`${field} is required: say what was found`, { field }, ErrorReason.VALUE_REQUIRED);
  return value;
}
