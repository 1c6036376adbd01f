import { Injectable } from '@nestjs/common';
import { DeviceCategory } from '@app/common';
import { EntityManager } from 'typeorm';
import { PriceCaps } from '../caps/price-caps';
import { DevicePrice, priceOf } from './device-price';
import { PriceListService } from './price-list.service';

/** A device as pricing reads it: what it is, whose list prices it, whether its donor is a public body. */
export interface DeviceToPrice {
  deviceId: string;
  category: DeviceCategory;
  grade: string | null;
  refurbisherId: string;
  publicDonor: boolean;
}

/** Prices devices at their refurbishers' lists and the caps in force at `at`, in the caller's transaction. */
@Injectable()
export class DevicePricing {
  constructor(
    private readonly lists: PriceListService,
    private readonly caps: PriceCaps,
  ) {}

  async price<T extends DeviceToPrice>(manager: EntityManager, devices: readonly T[], at: Date): Promise<Array<T & DevicePrice>> {
    const rows = await this.lists.rowsOf(
      manager,
      devices.map((d) => d.refurbisherId),
    );
    return devices.map((d) => ({
      ...d,
      ...priceOf(
        d,
        rows.filter((r) => r.refurbisherId === d.refurbisherId),
        this.caps.capOf(d.category, at)?.capCents ?? null,
      ),
    }));
  }
}
