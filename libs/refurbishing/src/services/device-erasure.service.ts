import { Injectable } from '@nestjs/common';
import { ConflictError, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RecordErasureInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { DEVICE_MACHINE, DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { ErasureRecord } from '../entities/erasure-record.entity';
import { certificateNumber } from '../policies/erasure-certificate';
import { assertErasureMethodFits } from '../policies/no-storage.policy';
import { actorUserIdOf } from './actor';
import { DeviceLedger } from './device-ledger.service';

/**
 * The refurbisher records an erasure: every attempt gets a certificate number and stays on
 * record; a verified one takes the device to WIPED, a failed one leaves it RECEIVED (and says
 * so in its history) until an attempt succeeds.
 */
@Injectable()
export class DeviceErasureService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
  ) {}

  record(ctx: RequestContext, input: RecordErasureInput): Promise<Device> {
    const operator = input.operator.trim();
    return this.tx.run(ctx, async (_, manager) => {
      const device = await this.ledger.lockHeld(ctx, manager, input.deviceId, 'erase');
      try {
        DEVICE_MACHINE.assertTransition(device.status, DeviceStatus.WIPED);
      } catch (error) {
        throw new ConflictError(`Device ${device.serialNumber} cannot be erased now: ${(error as Error).message}`, { status: device.status });
      }
      assertErasureMethodFits(device, input.method);
      const [seq]: Array<{ n: string; at: Date }> = await manager.query(`SELECT nextval('erasure_certificate_seq') AS n, now() AS at`);
      const record = await manager.getRepository(ErasureRecord).save(
        manager.getRepository(ErasureRecord).create({
          deviceId: device.id,
          method: input.method,
          operator,
          performedAt: seq!.at,
          certificateNumber: certificateNumber(seq!.at, seq!.n),
          verified: input.verified,
          recordedBy: actorUserIdOf(ctx),
          organizationId: ctx.organizationId,
        }),
      );
      const detail = `${record.certificateNumber} ${record.method} by ${operator}`;
      if (input.verified) {
        await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.ERASED, detail }]);
      } else {
        await this.ledger.note(ctx, manager, [
          { deviceId: device.id, action: DeviceAction.ERASURE_FAILED, fromStatus: device.status, toStatus: device.status, detail: `${detail}, not verified` },
        ]);
      }
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
