import { normalizeSerialNumber } from '@app/common';

/** What a count is compared with: a device that carries one of the serials, as the snapshot read it. */
export interface CountedDevice {
  id: string;
  /** the serial's key (normalizeSerialNumber): what is compared */
  serialNumber: string;
  /** the serial as the device shows it (as entered at intake); the key when absent */
  label?: string;
  /** IN_STOCK or RESERVED at the refurbisher being counted, and within the count's scope: expected on the shelves counted */
  onShelf: boolean;
}

export type DiscrepancyKindName = 'MISSING' | 'UNEXPECTED';

export interface CountDiscrepancy {
  kind: DiscrepancyKindName;
  /** for people: as the device shows it, or as first counted for a serial the network does not know */
  serialNumber: string;
  /** the device with that serial; null when the network knows no such serial */
  deviceId: string | null;
}

export interface StockCountOutcome {
  expectedQuantity: number;
  countedQuantity: number;
  /** MISSING first, then UNEXPECTED, each by serial number */
  discrepancies: CountDiscrepancy[];
}

/**
 * The serial numbers as counted: by their key, exactly as devices are compared (case, spaces,
 * dashes, dots: a scanner and a keyboard agree), each once (a device scanned twice is one device).
 * `blank` says how many had nothing left.
 */
export function countedSerials(raw: readonly string[]): { serials: string[]; blank: number; labels: Map<string, string> } {
  const labels = new Map<string, string>();
  let blank = 0;
  for (const r of raw) {
    const s = normalizeSerialNumber(r);
    if (!s) blank += 1;
    else if (!labels.has(s)) labels.set(s, r.trim().replace(/\s+/g, ' '));
  }
  return { serials: [...labels.keys()], blank, labels };
}

/**
 * Compares a count with the devices. `devices` holds every device expected on the shelf and every
 * device whose serial was counted (one snapshot, possibly overlapping). Expected and not counted
 * is MISSING; counted and not expected is UNEXPECTED, whether the serial belongs to a device held
 * elsewhere, to a device of this refurbisher in another status, or to no device at all.
 */
export function compareCount(devices: readonly CountedDevice[], counted: readonly string[], labels?: ReadonlyMap<string, string>): StockCountOutcome {
  const countedSet = new Set(counted);
  const bySerial = new Map(devices.map((d) => [d.serialNumber, d]));
  const expected = devices.filter((d) => d.onShelf);
  const expectedSerials = new Set(expected.map((d) => d.serialNumber));

  const missing: CountDiscrepancy[] = expected
    .filter((d) => !countedSet.has(d.serialNumber))
    .map((d) => ({ kind: 'MISSING', serialNumber: d.label ?? d.serialNumber, deviceId: d.id }));
  const unexpected: CountDiscrepancy[] = [...countedSet]
    .filter((s) => !expectedSerials.has(s))
    .map((s) => {
      const device = bySerial.get(s);
      return { kind: 'UNEXPECTED', serialNumber: device?.label ?? labels?.get(s) ?? s, deviceId: device?.id ?? null };
    });
  const bySerialNumber = (a: CountDiscrepancy, b: CountDiscrepancy) => (a.serialNumber < b.serialNumber ? -1 : a.serialNumber > b.serialNumber ? 1 : 0);

  return {
    expectedQuantity: expectedSerials.size,
    countedQuantity: countedSet.size,
    discrepancies: [...missing.sort(bySerialNumber), ...unexpected.sort(bySerialNumber)],
  };
}
