import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { EntityManager } from 'typeorm';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { DeviceLedger } from './device-ledger.service';

/**
 * A MISSING device that turns up goes back to the status it had (statusBeforeMissing), with a
 * custody event saying where it was found, never as a second device. Found by a person
 * (`recoverDevice`), scanned at an intake (LotReceivingService) or counted again and judged FOUND
 * (reconciliation). A device that was RESERVED lost its reservation when declared missing (the
 * line was given back to matching), so it comes back IN_STOCK, unless its link is still live.
 * Back in stock, the region's open orders are matched again.
 */
@Injectable()
export class DeviceRecoveryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
    private readonly outbox: OutboxService,
  ) {}

  recover(ctx: RequestContext, deviceId: string, rawNote: string): Promise<Device> {
    const note = rawNote.trim();
    if (!note) throw new BadInputError('note is required: say where the device was found', { field: 'note' }, ErrorReason.VALUE_REQUIRED);
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, deviceId, 'recover');
      await this.recoverLocked(ctx, manager, [device], note);
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }

  /** These devices, locked by the caller in id order, back from MISSING; CONFLICT for one that is not missing. */
  async recoverLocked(ctx: RequestContext, manager: EntityManager, devices: readonly Device[], note: string): Promise<void> {
    if (!devices.length) return;
    const notMissing = devices.find((d) => d.status !== DeviceStatus.MISSING);
    if (notMissing) {
      throw new ConflictError(
        `Device ${notMissing.serialNumber} is ${notMissing.status}, not MISSING: there is nothing to recover`,
        {
          deviceId: notMissing.id,
          status: notMissing.status,
        },
        ErrorReason.DEVICE_NOT_MISSING,
      );
    }
    const stillReserved = await this.liveReservations(
      manager,
      devices.filter((d) => d.statusBeforeMissing === DeviceStatus.RESERVED).map((d) => d.id),
    );
    await this.ledger.apply(
      ctx,
      manager,
      devices.map((device) => ({
        device,
        action: DeviceAction.RECOVERED,
        to: stillReserved.has(device.id) ? DeviceStatus.RESERVED : DeviceStatus.IN_STOCK,
        detail: `found: ${note}`,
      })),
    );
    for (const regionId of [...new Set(devices.filter((d) => !stillReserved.has(d.id)).map((d) => d.regionId))].sort()) {
      await this.outbox.enqueue(manager, matchRegionRequest(regionId));
    }
  }

  /** Of these devices, those an order still holds (a live, unshipped link: read only, orders owns the table). */
  private async liveReservations(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: Array<{ device_id: string }> = await manager.query(
      `SELECT DISTINCT device_id FROM order_line_device WHERE device_id = ANY($1::uuid[]) AND released_at IS NULL AND shipped_at IS NULL`,
      [[...ids]],
    );
    return new Set(rows.map((r) => r.device_id));
  }
}
