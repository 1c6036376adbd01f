import { Injectable } from '@nestjs/common';
import { groupedByKey, RequestContext, requestLoader } from '@app/common';
import { TransactionRunner } from '@app/database';
import { EntityManager, In } from 'typeorm';
import { ExpectedDevice } from '../entities/expected-device.entity';
import { InventoryDevice } from '../inventory/inventory-reader';

/**
 * The devices a donor's per-serial inventory named. Written with the declaration; read where the
 * caller already reads the donation or the lot (the parent was read under its scope).
 */
@Injectable()
export class ExpectedDeviceService {
  constructor(private readonly tx: TransactionRunner) {}

  /** One statement whatever their number, in the declaration's transaction; none when there are none. */
  async record(manager: EntityManager, donationId: string, devices: readonly InventoryDevice[]): Promise<void> {
    if (!devices.length) return;
    await manager.query(
      `INSERT INTO expected_device (donation_id, position, category, serial_number, serial_number_normalized, brand, model, year)
       SELECT $1, d.position - 1, d.category, d.serial_number, d.serial_number_normalized, d.brand, d.model, d.year
         FROM unnest(CAST($2 AS device_category[]), CAST($3 AS varchar[]), CAST($4 AS varchar[]), CAST($5 AS varchar[]),
                     CAST($6 AS varchar[]), CAST($7 AS int[]))
                WITH ORDINALITY AS d(category, serial_number, serial_number_normalized, brand, model, year, position)`,
      [
        donationId,
        devices.map((d) => d.category),
        devices.map((d) => d.serialNumber),
        devices.map((d) => d.serialNumberNormalized),
        devices.map((d) => d.brand),
        devices.map((d) => d.model),
        devices.map((d) => d.year),
      ],
    );
  }

  /** Donation.expectedDevices and Lot.expectedSerials: in inventory order, batched per request. */
  ofDonation(ctx: RequestContext, donationId: string): Promise<ExpectedDevice[]> {
    return requestLoader<string, ExpectedDevice[]>(ctx, 'donation-expected-devices', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(ExpectedDevice)
          .find({ where: { donationId: In([...ids]) }, order: { donationId: 'ASC', position: 'ASC' } }),
        (d) => d.donationId,
      ),
    ).load(donationId);
  }
}
