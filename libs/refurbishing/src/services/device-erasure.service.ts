import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RecordErasureInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { DeviceSpecs } from '../entities/device-specs';
import { DEVICE_MACHINE, DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { ErasureMethod } from '../entities/erasure-method';
import { ErasureRecord } from '../entities/erasure-record.entity';
import { certificateNumber } from '../policies/erasure-certificate';
import { assertErasureMethodFits } from '../policies/no-storage.policy';
import { actorUserIdOf } from './actor';
import { DeviceLedger } from './device-ledger.service';

/**
 * The refurbisher records an erasure: every attempt stays on record; a verified one gets a
 * certificate number and takes the device to WIPED, a failed one gets none (it certifies nothing)
 * and leaves the device RECEIVED (its history says so) until an attempt succeeds. A disk
 * physically destroyed is gone from the specs: the device waits for a new one (replaceStorage)
 * before it can be graded.
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
        throw new ConflictError(
          `Device ${device.serialNumber} cannot be erased now: ${(error as Error).message}; return it to the workshop first`,
          { status: device.status, deviceId: device.id },
          ErrorReason.ERASURE_NOT_POSSIBLE,
        );
      }
      assertErasureMethodFits(device, input.method);
      // numbers are drawn for certificates only, so the printed sequence has no holes for failed attempts
      const [seq]: Array<{ n: string | null; at: Date }> = await manager.query(
        `SELECT CASE WHEN $1 THEN nextval('erasure_certificate_seq') END AS n, now() AS at`,
        [input.verified],
      );
      const record = await manager.getRepository(ErasureRecord).save(
        manager.getRepository(ErasureRecord).create({
          deviceId: device.id,
          method: input.method,
          operator,
          performedAt: seq!.at,
          certificateNumber: seq!.n === null ? null : certificateNumber(seq!.at, seq!.n),
          verified: input.verified,
          recordedBy: actorUserIdOf(ctx),
          organizationId: ctx.organizationId,
        }),
      );
      const detail = `${record.certificateNumber ?? 'no certificate'} ${record.method} by ${operator}`;
      if (input.verified) {
        const destroyed = input.method === ErasureMethod.PHYSICAL_DESTRUCTION;
        const set = destroyed ? { specs: Object.assign(new DeviceSpecs(), device.specs, { storageGb: null, ssd: null }), needsStorage: true } : undefined;
        await this.ledger.apply(ctx, manager, [{ device, action: DeviceAction.ERASED, detail: destroyed ? `${detail}, disk destroyed` : detail, set }]);
      } else {
        await this.ledger.note(ctx, manager, [
          { deviceId: device.id, action: DeviceAction.ERASURE_FAILED, fromStatus: device.status, toStatus: device.status, detail: `${detail}, not verified` },
        ]);
      }
      return manager.getRepository(Device).findOneByOrFail({ id: device.id });
    });
  }
}
