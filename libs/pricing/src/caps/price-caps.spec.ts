import { DeviceCategory } from '@app/common';
import table from './price-caps.fr.json';
import { PriceCaps, readCapVersions } from './price-caps';

describe('the legal price caps (decree of 7 November 2022)', () => {
  const caps = new PriceCaps();
  const today = new Date('2026-06-01T10:00:00Z');

  it('reads the data file: every capped category at the decree’s amount, in cents', () => {
    const cents = Object.fromEntries(Object.values(DeviceCategory).map((c) => [c, caps.capOf(c, today)?.capCents ?? null]));
    expect(cents).toEqual({
      LAPTOP: 18_000,
      DESKTOP: 15_000,
      TABLET: 10_000,
      SMARTPHONE: 10_000,
      MONITOR: 3_000,
      // the individual printer's cap: no multifunction category is recorded
      PRINTER: 3_000,
      OTHER: null,
    });
  });

  it('names its source: the decree by its date and that of the Journal officiel, the law it applies, an address', () => {
    const cap = caps.capOf(DeviceCategory.LAPTOP, today)!;
    expect(cap.source).toContain('7 novembre 2022');
    expect(cap.source).toContain('JORF du 9 novembre 2022');
    expect(cap.source).toContain('L. 3212-2');
    expect(cap.source).toContain('n° 2022-217');
    expect(cap.url).toMatch(/^https:\/\//);
    expect(cap.version).toBe('2022-11-09');
  });

  it('applies from the day after publication, in Paris time', () => {
    expect(caps.capOf(DeviceCategory.LAPTOP, new Date('2022-11-09T22:59:00Z'))).toBeNull();
    expect(caps.capOf(DeviceCategory.LAPTOP, new Date('2022-11-09T23:00:00Z'))?.capCents).toBe(18_000);
  });

  it('a later edition answers from its own date, the earlier one before it', () => {
    const next = {
      versions: [
        ...table.versions,
        {
          ...table.versions[0]!,
          version: '2027-01-01',
          inForceFrom: '2027-01-01',
          caps: [{ category: 'LAPTOP', label: 'Ordinateur portable', capCents: 20_000 }],
        },
      ],
    };
    const versioned = new PriceCaps(next);
    expect(versioned.capOf(DeviceCategory.LAPTOP, today)?.capCents).toBe(18_000);
    expect(versioned.capOf(DeviceCategory.LAPTOP, new Date('2027-03-01T12:00:00Z'))?.capCents).toBe(20_000);
    expect(versioned.capOf(DeviceCategory.MONITOR, new Date('2027-03-01T12:00:00Z'))).toBeNull();
  });

  it('refuses a broken table rather than let prices through unchecked', () => {
    const base = table.versions[0]!;
    expect(() => readCapVersions({ versions: [] })).toThrow('no version');
    expect(() => readCapVersions({ versions: [{ ...base, caps: [{ category: 'TOASTER', label: 'x', capCents: 1 }] }] })).toThrow('unknown category');
    expect(() => readCapVersions({ versions: [{ ...base, caps: [{ category: 'LAPTOP', label: 'x', capCents: 180.5 }] }] })).toThrow('whole cents');
    expect(() => readCapVersions({ versions: [base, base] })).toThrow('date order');
    expect(() => readCapVersions({ versions: [{ ...base, url: '' }] })).toThrow('source');
  });
});
