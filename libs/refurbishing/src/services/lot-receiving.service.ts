import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, normalizeSerialNumber, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { DonationLine, Donation, LotItem, LOT_MACHINE, LotStatus, Lot, LotTransitions } from '@app/donations';
import { LotPickups } from '@app/logistics';
import { ReceiveLotInput } from '../dto/device.inputs';
import { DeviceAction } from '../entities/device-action';
import { DeviceStatus } from '../entities/device-status';
import { Device } from '../entities/device.entity';
import { LotIntakeItem } from '../entities/lot-intake-item.entity';
import { LotIntake } from '../entities/lot-intake.entity';
import { dataBearingByCategory } from '../policies/data-bearing.policy';
import { emptySpecs, mergeSpecs } from '../policies/device-specs.policy';
import { intakeCounts } from '../policies/intake-count.policy';
import { duplicateSerialNumbers, serialNumberAsEntered } from '../policies/serial-number';
import { actorUserIdOf } from './actor';
import { chunks } from './chunks';
import { DeviceLedger } from './device-ledger.service';
import { DeviceRecoveryService } from './device-recovery.service';

/**
 * Intake: the refurbisher holding a COLLECTED lot registers each device by serial number, in one
 * transaction. The lot is RECEIVED and leaves the refurbisher's load; what arrived is kept
 * against what was declared and collected (LotIntake), per category, however it differs.
 */
@Injectable()
export class LotReceivingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DeviceLedger,
    private readonly lots: LotTransitions,
    private readonly pickups: LotPickups,
    private readonly recovery: DeviceRecoveryService,
  ) {}

  receive(ctx: RequestContext, input: ReceiveLotInput): Promise<Lot> {
    // compared by key ("ab-12 34.5" is "AB12345"), shown as entered
    const serials = input.devices.map((d) => normalizeSerialNumber(d.serialNumber));
    if (serials.some((s) => !s)) {
      throw new BadInputError('Every device needs a serial number: type the one on its label', { field: 'serialNumber' }, ErrorReason.VALUE_REQUIRED);
    }
    const twice = duplicateSerialNumbers(serials);
    if (twice.length) {
      // named as typed, every way each was typed ("abc-1 = ABC 1"): people find them in their sheet
      const asTyped = twice.map((key) =>
        [...new Set(input.devices.filter((_, i) => serials[i] === key).map((d) => serialNumberAsEntered(d.serialNumber)))].join(' = '),
      );
      throw new ConflictError(
        `Serial numbers given more than once: ${asTyped.slice(0, 20).join(', ')}; keep each device once`,
        { serialNumbers: twice },
        ErrorReason.SERIAL_NUMBERS_REPEATED,
      );
    }

    return this.tx.run(ctx, async (_, manager) => {
      const lot = await this.lots.lock(manager, input.lotId);
      if (!lot) throw new NotFoundError('Lot', input.lotId);
      ActAccess.assert(ctx, 'Lot', 'receive', lot, 'Lot');
      LOT_MACHINE.assertTransition(lot.status, LotStatus.RECEIVED);

      const taken: Array<{ id: string; serial_number: string; serial_number_key: string; status: DeviceStatus; refurbisher_id: string }> = await manager.query(
        `SELECT id, serial_number, serial_number_key, status, refurbisher_id FROM device WHERE serial_number_key = ANY($1::varchar[])`,
        [serials],
      );
      // A MISSING device of this refurbisher scanned again has turned up: it is recovered, not registered twice.
      const found = taken.filter((t) => t.status === DeviceStatus.MISSING && t.refurbisher_id === lot.refurbisherId);
      const conflicting = taken.filter((t) => !found.includes(t));
      if (conflicting.length) {
        const list = conflicting.map((t) => t.serial_number);
        throw new ConflictError(
          `Serial numbers already registered in the network: ${list.slice(0, 20).join(', ')} (a device is registered once; a missing one of another refurbisher is recovered by the coordinator)`,
          { serialNumbers: list },
          ErrorReason.SERIAL_NUMBERS_REGISTERED,
        );
      }
      if (found.length) {
        const devices = await this.ledger.lock(
          manager,
          found.map((f) => f.id),
        );
        await this.recovery.recoverLocked(ctx, manager, devices, `scanned at the intake of lot ${lot.reference}`);
      }
      const foundKeys = new Set(found.map((f) => f.serial_number_key));
      const arriving = input.devices.map((d, i) => ({ d, key: serials[i]! })).filter((x) => !foundKeys.has(x.key));

      const donation = await manager.getRepository(Donation).findOneByOrFail({ id: lot.donationId });
      const lines = await manager.getRepository(DonationLine).find({ where: { donationId: donation.id } });
      const items = await manager.getRepository(LotItem).find({ where: { lotId: lot.id } });
      const dataBearing = dataBearingByCategory(lines);

      const rows = arriving.map(({ d, key }) => ({
        serialNumber: serialNumberAsEntered(d.serialNumber),
        serialNumberKey: key,
        category: d.category,
        brand: d.brand?.trim() || null,
        model: d.model?.trim() || null,
        specs: mergeSpecs(emptySpecs(), d.specs),
        grade: null,
        status: DeviceStatus.RECEIVED,
        dataBearing: dataBearing(d.category),
        recycleReason: null,
        location: d.location?.trim() || null,
        lotId: lot.id,
        donationId: donation.id,
        donorId: donation.donorId,
        refurbisherId: lot.refurbisherId,
        regionId: lot.regionId,
      }));
      const ids: string[] = [];
      for (const slice of chunks(rows, 500)) {
        const result = await manager.createQueryBuilder().insert().into(Device).values(slice).returning(['id']).updateEntity(false).execute();
        ids.push(...(result.raw as Array<{ id: string }>).map((r) => r.id));
      }
      await this.ledger.note(
        ctx,
        manager,
        ids.map((deviceId) => ({ deviceId, action: DeviceAction.RECEIVED, fromStatus: null, toStatus: DeviceStatus.RECEIVED, detail: `lot ${lot.reference}` })),
      );

      await manager.getRepository(LotIntake).insert({
        lotId: lot.id,
        donationId: donation.id,
        receivedBy: actorUserIdOf(ctx),
        declaredQuantity: lot.quantity,
        // what the completed pickup said was collected, kept beside what arrived
        collectedQuantity: await this.pickups.collectedQuantity(manager, lot.id),
        receivedQuantity: rows.length,
        openQuantity: rows.length,
      });
      await manager.getRepository(LotIntakeItem).insert(
        intakeCounts(
          items,
          rows.map((r) => r.category),
        ).map((c) => ({ lotId: lot.id, ...c })),
      );

      await this.lots.markReceived(manager, lot, items);
      return manager.getRepository(Lot).findOneByOrFail({ id: lot.id });
    });
  }
}
