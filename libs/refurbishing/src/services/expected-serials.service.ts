import { Injectable } from '@nestjs/common';
import { groupedByKey, normalizeSerialNumber, RequestContext, requestLoader } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ExpectedDeviceService, Lot, LotService } from '@app/donations';
import { ExpectedSerial } from '../dto/expected-serial.type';

/**
 * What the donor's per-serial inventory announced for a lot, against what intake registered.
 * Read-only: receiving stays as it is (a serial not announced is still registered, an announced
 * one may never come); this only shows the difference to the people at the bench.
 */
@Injectable()
export class ExpectedSerialsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly expected: ExpectedDeviceService,
    private readonly lots: LotService,
  ) {}

  /**
   * The expected devices of the lot's donation in the lot's categories. A donation split between
   * refurbishers by category shows each its own; within one category the inventory does not say
   * which lot a serial goes to, so a serial counts as received when any lot of the donation
   * registered it.
   */
  async ofLot(ctx: RequestContext, lot: Lot): Promise<ExpectedSerial[]> {
    const [expected, items, registered] = await Promise.all([
      this.expected.ofDonation(ctx, lot.donationId),
      this.lots.items(ctx, lot.id),
      this.registeredSerials(ctx, lot.donationId),
    ]);
    const categories = new Set(items.map((i) => i.category));
    return expected
      .filter((d) => categories.has(d.category))
      .map((d) => ({ serialNumber: d.serialNumber, category: d.category, received: registered.has(d.serialNumberNormalized) }));
  }

  /** The donation's registered devices, as comparison keys; one query for all the lots of a request. */
  private registeredSerials(ctx: RequestContext, donationId: string): Promise<Set<string>> {
    return requestLoader<string, Set<string>>(ctx, 'donation-registered-serials', async (ids) => {
      const rows: Array<{ donation_id: string; serial_number: string }> = await this.tx
        .manager(ctx)
        .query('SELECT donation_id, serial_number FROM device WHERE donation_id = ANY($1)', [[...ids]]);
      return groupedByKey(ids, rows, (r) => r.donation_id).map((list) => new Set(list.map((r) => normalizeSerialNumber(r.serial_number))));
    }).load(donationId);
  }
}
