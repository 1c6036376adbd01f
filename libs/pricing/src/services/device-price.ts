import { DeviceCategory } from '@app/common';

/** A row of a refurbisher's price list. */
export interface PriceRow {
  category: DeviceCategory;
  grade: string;
  priceCents: number;
  /** applies only to devices whose donor is not a public body: the legal cap does not bind it */
  privateDonorsOnly: boolean;
}

export interface PricedDevice {
  category: DeviceCategory;
  grade: string | null;
  /** its donor is a public body: the legal cap of its category binds its price */
  publicDonor: boolean;
}

export interface DevicePrice {
  priceCents: number;
  /** false: no row of the list fits it, so it goes free (nothing is charged for what has no price) */
  listed: boolean;
  /** the legal cap applied, when the device is a public donor's and its category is capped */
  capCents: number | null;
  /** the list's price was above the cap (a cap lowered since the list was set) and the cap was charged instead */
  cappedAtLegalMaximum: boolean;
}

/**
 * The price of one device at a refurbisher's list. A public donor's device takes the row for
 * every device (which setPrices keeps at or under the cap) and never more than the cap in force;
 * another donor's device takes the row for private donors when there is one, the general row
 * otherwise. No row: the device is a gift (0), said so by `listed: false`.
 */
export function priceOf(device: PricedDevice, rows: readonly PriceRow[], capCents: number | null): DevicePrice {
  const fits = (r: PriceRow) => r.category === device.category && r.grade === device.grade;
  const general = rows.find((r) => fits(r) && !r.privateDonorsOnly);
  const row = device.publicDonor ? general : (rows.find((r) => fits(r) && r.privateDonorsOnly) ?? general);
  const cap = device.publicDonor ? capCents : null;
  if (!row) return { priceCents: 0, listed: false, capCents: cap, cappedAtLegalMaximum: false };
  const above = cap !== null && row.priceCents > cap;
  return { priceCents: above ? cap : row.priceCents, listed: true, capCents: cap, cappedAtLegalMaximum: above };
}

/** A row setPrices must refuse: one for public donors' devices too, above its category's cap. */
export function aboveCap(row: PriceRow, capCents: number | null): boolean {
  return !row.privateDonorsOnly && capCents !== null && row.priceCents > capCents;
}

/** The key that must be unique in a list: one price per category, grade and kind of donor. */
export function rowKey(row: Pick<PriceRow, 'category' | 'grade' | 'privateDonorsOnly'>): string {
  return `${row.category}/${row.grade}/${row.privateDonorsOnly ? 'private' : 'all'}`;
}
