import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { EntityManager } from 'typeorm';
import { GradeDeviceInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { Device } from '../entities/device.entity';
import { ErasureMethod } from '../entities/erasure-method';
import { ErasureRecord } from '../entities/erasure-record.entity';
import { mergeSpecs } from '../policies/device-specs.policy';
import { assertGradingKeepsErasure } from '../policies/no-storage.policy';
import { DeviceLedger } from './device-ledger.service';

/** A wiped device is graded (A, B, C), its specs completed, and it enters the stock; matching is asked for. */
@Injectable()
export class DeviceGradingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
    private readonly outbox: OutboxService,
  ) {}

  grade(ctx: RequestContext, input: GradeDeviceInput): Promise<Device> {
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, input.deviceId, 'grade');
      const specs = mergeSpecs(device.specs, input.specs);
      assertGradingKeepsErasure(device, await this.lastVerifiedErasure(manager, device.id), specs);
      await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.GRADED, detail: `grade ${input.grade}`, set: { grade: input.grade, specs } }]);
      // New stock: the region's open orders may be served now (debounced, through the outbox).
      await this.outbox.enqueue(manager, matchRegionRequest(device.regionId));
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }

  /** How the device was last erased with success (a device sent back to the workshop is erased again). */
  private async lastVerifiedErasure(manager: EntityManager, deviceId: string): Promise<ErasureMethod | null> {
    const record = await manager.getRepository(ErasureRecord).findOne({
      where: { deviceId, verified: true },
      order: { performedAt: 'DESC', certificateNumber: 'DESC' },
      select: { method: true },
    });
    return record?.method ?? null;
  }
}
