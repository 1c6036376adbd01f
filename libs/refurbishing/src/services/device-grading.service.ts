import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { OutboxService } from '@app/jobs';
import { matchRegionRequest } from '@app/matching/jobs/match-region.request';
import { GradeDeviceInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { Device } from '../entities/device.entity';
import { mergeSpecs } from '../policies/device-specs.policy';
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
      const device = await this.ledger.lockHeld(ctx, manager, input.deviceId);
      const specs = mergeSpecs(device.specs, input.specs);
      await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.GRADED, detail: `grade ${input.grade}`, set: { grade: input.grade, specs } }]);
      // New stock: the region's open orders may be served now (debounced, through the outbox).
      await this.outbox.enqueue(manager, matchRegionRequest(device.regionId));
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
