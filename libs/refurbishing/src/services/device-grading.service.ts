import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { matchRegionRequest, OutboxService } from '@app/jobs';
import { EntityManager } from 'typeorm';
import { DeviceChecklistInput, GradeDeviceInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { Device } from '../entities/device.entity';
import { ErasureMethod } from '../entities/erasure-method';
import { ErasureRecord } from '../entities/erasure-record.entity';
import { mergeSpecs } from '../policies/device-specs.policy';
import { assertReadyForStock } from '../policies/grading-readiness.policy';
import { assertGradingKeepsErasure } from '../policies/no-storage.policy';
import { DeviceLedger } from './device-ledger.service';

/**
 * A wiped device is graded (A, B, C), its specs and checklist recorded, and it enters the stock;
 * matching is asked for. A computer needs its operating system, a device whose disk was destroyed
 * a new disk, first.
 */
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
      const specs = mergeSpecs(device.specs, input.os === undefined || input.os === null ? input.specs : { ...input.specs, os: input.os });
      assertGradingKeepsErasure(device, await this.lastVerifiedErasure(manager, device.id), specs);
      assertReadyForStock(device, specs);
      const location = input.location === undefined ? device.location : input.location?.trim() || null;
      await this.ledger.apply(ctx, manager, [
        {
          device,
          action: DeviceAction.GRADED,
          detail: `grade ${input.grade}`,
          set: { grade: input.grade, specs, needsStorage: false, location, ...checklistColumns(device, input.checklist) },
        },
      ]);
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

/**
 * The checklist as recorded (jsonb, every item, null when not checked) and the items matching
 * filters on as columns. No checklist given: what an earlier grading recorded stays.
 */
function checklistColumns(
  device: Device,
  checklist: DeviceChecklistInput | null | undefined,
): Pick<Device, 'checklist' | 'batteryHealthPercent' | 'webcamWorks' | 'microphoneWorks'> {
  if (!checklist) {
    return {
      checklist: device.checklist,
      batteryHealthPercent: device.batteryHealthPercent,
      webcamWorks: device.webcamWorks,
      microphoneWorks: device.microphoneWorks,
    };
  }
  const recorded = {
    screen: checklist.screen ?? null,
    keyboard: checklist.keyboard ?? null,
    batteryHealthPercent: checklist.batteryHealthPercent ?? null,
    webcam: checklist.webcam ?? null,
    microphone: checklist.microphone ?? null,
    wifi: checklist.wifi ?? null,
    ports: checklist.ports?.trim() || null,
  };
  return { checklist: recorded, batteryHealthPercent: recorded.batteryHealthPercent, webcamWorks: recorded.webcam, microphoneWorks: recorded.microphone };
}
