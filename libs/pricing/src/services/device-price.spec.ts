import { DeviceCategory } from '@app/common';
import { aboveCap, priceOf, PriceRow, rowKey } from './device-price';

const LAPTOP = DeviceCategory.LAPTOP;
const row = (grade: string, priceCents: number, privateDonorsOnly = false): PriceRow => ({ category: LAPTOP, grade, priceCents, privateDonorsOnly });

describe('the price of a device', () => {
  const list = [row('A', 15_000), row('A', 25_000, true), row('B', 9_000), row('C', 0)];

  it('a private donor’s device takes the private row when there is one, the general row otherwise', () => {
    expect(priceOf({ category: LAPTOP, grade: 'A', publicDonor: false }, list, 18_000)).toEqual({
      priceCents: 25_000,
      listed: true,
      capCents: null,
      cappedAtLegalMaximum: false,
    });
    expect(priceOf({ category: LAPTOP, grade: 'B', publicDonor: false }, list, 18_000).priceCents).toBe(9_000);
  });

  it('a public donor’s device takes the general row, never the private one, and says which cap binds it', () => {
    expect(priceOf({ category: LAPTOP, grade: 'A', publicDonor: true }, list, 18_000)).toEqual({
      priceCents: 15_000,
      listed: true,
      capCents: 18_000,
      cappedAtLegalMaximum: false,
    });
  });

  it('a public donor’s device is never charged above the cap, even when the list is (a cap lowered since)', () => {
    const p = priceOf({ category: LAPTOP, grade: 'A', publicDonor: true }, [row('A', 20_000)], 18_000);
    expect(p).toEqual({ priceCents: 18_000, listed: true, capCents: 18_000, cappedAtLegalMaximum: true });
  });

  it('a public donor’s device with only a private row is not priced: a gift', () => {
    expect(priceOf({ category: LAPTOP, grade: 'A', publicDonor: true }, [row('A', 25_000, true)], 18_000)).toEqual({
      priceCents: 0,
      listed: false,
      capCents: 18_000,
      cappedAtLegalMaximum: false,
    });
  });

  it('zero is a price (a gift on purpose); no row or no grade is a gift by default', () => {
    expect(priceOf({ category: LAPTOP, grade: 'C', publicDonor: true }, list, 18_000)).toMatchObject({ priceCents: 0, listed: true });
    expect(priceOf({ category: LAPTOP, grade: null, publicDonor: false }, list, null)).toMatchObject({ priceCents: 0, listed: false });
    expect(priceOf({ category: DeviceCategory.TABLET, grade: 'A', publicDonor: false }, list, null)).toMatchObject({ priceCents: 0, listed: false });
  });

  it('setPrices refuses a general row above the cap, a cent above too; a private row or an uncapped category is free', () => {
    expect(aboveCap(row('A', 18_100), 18_000)).toBe(true);
    expect(aboveCap(row('A', 18_001), 18_000)).toBe(true);
    expect(aboveCap(row('A', 18_000), 18_000)).toBe(false);
    expect(aboveCap(row('A', 99_000, true), 18_000)).toBe(false);
    expect(aboveCap(row('A', 99_000), null)).toBe(false);
  });

  it('one price per category, grade and kind of donor', () => {
    expect(rowKey(row('A', 1))).not.toBe(rowKey(row('A', 1, true)));
    expect(rowKey(row('A', 1))).toBe(rowKey(row('A', 2)));
  });
});
