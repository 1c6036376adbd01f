import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, NotFoundError, RequestContext } from '@app/common';
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
import { duplicateSerialNumbers, normalizeSerialNumber } from '../policies/serial-number';
import { actorUserIdOf } from './actor';
import { chunks } from './chunks';
import { DeviceLedger } from './device-ledger.service';

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
  ) {}

  receive(ctx: RequestContext, input: ReceiveLotInput): Promise<Lot> {
    const serials = input.devices.map((d) => normalizeSerialNumber(d.serialNumber));
    if (serials.some((s) => !s)) throw new BadInputError('Every device needs a serial number', { field: 'serialNumber' });
    const twice = duplicateSerialNumbers(serials);
    if (twice.length) throw new ConflictError(`Serial numbers given more than once: ${twice.slice(0, 20).join(', ')}`, { serialNumbers: twice });

    return this.tx.run(ctx, async (_, manager) => {
      const lot = await this.lots.lock(manager, input.lotId);
      if (!lot) throw new NotFoundError('Lot', input.lotId);
      ActAccess.assert(ctx, 'Lot', 'receive', lot, 'Lot');
      LOT_MACHINE.assertTransition(lot.status, LotStatus.RECEIVED);

      const taken: Array<{ serial_number: string }> = await manager.query(`SELECT serial_number FROM device WHERE serial_number = ANY($1::varchar[])`, [
        serials,
      ]);
      if (taken.length) {
        const list = taken.map((t) => t.serial_number);
        throw new ConflictError(`Serial numbers already registered in the network: ${list.slice(0, 20).join(', ')}`, { serialNumbers: list });
      }

      const donation = await manager.getRepository(Donation).findOneByOrFail({ id: lot.donationId });
      const lines = await manager.getRepository(DonationLine).find({ where: { donationId: donation.id } });
      const items = await manager.getRepository(LotItem).find({ where: { lotId: lot.id } });
      const dataBearing = dataBearingByCategory(lines);

      const rows = input.devices.map((d, i) => ({
        serialNumber: serials[i]!,
        category: d.category,
        brand: d.brand?.trim() || null,
        model: d.model?.trim() || null,
        specs: mergeSpecs(emptySpecs(), d.specs),
        grade: null,
        status: DeviceStatus.RECEIVED,
        dataBearing: dataBearing(d.category),
        recycleReason: null,
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
