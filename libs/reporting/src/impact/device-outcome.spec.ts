import { DEVICE_MACHINE, DeviceStatus } from '@app/refurbishing';
import { AWAITING_STATUSES, DeviceOutcome, outcomeOf, REFURBISHED_STATUSES } from './device-outcome';

describe('device outcome', () => {
  it('counts as reused only what was handed to a person; refurbished stock awaits a beneficiary', () => {
    expect([...AWAITING_STATUSES].sort()).toEqual(['IN_STOCK', 'RESERVED', 'SHIPPED']);
    expect(outcomeOf(DeviceStatus.DELIVERED, new Date())).toBe(DeviceOutcome.REUSED);
    expect(outcomeOf(DeviceStatus.IN_STOCK)).toBe(DeviceOutcome.AWAITING_BENEFICIARY);
    // a loan returned and back on the shelves was still handed to someone
    expect(outcomeOf(DeviceStatus.IN_STOCK, new Date())).toBe(DeviceOutcome.REUSED);
    expect(outcomeOf(DeviceStatus.WIPED)).toBe(DeviceOutcome.IN_PROGRESS);
    expect(outcomeOf(DeviceStatus.MISSING)).toBe(DeviceOutcome.MISSING);
    expect(outcomeOf(DeviceStatus.RECYCLED)).toBe(DeviceOutcome.RECYCLED);
  });

  it('every status reached through IN_STOCK is refurbished, and no other', () => {
    const throughStock = new Set<DeviceStatus>();
    const visit = (s: DeviceStatus) => {
      if (throughStock.has(s)) return;
      throughStock.add(s);
      for (const next of Object.values(DeviceStatus)) if (DEVICE_MACHINE.canTransition(s, next)) visit(next);
    };
    visit(DeviceStatus.IN_STOCK);
    // RECYCLED and RECEIVED are reachable from stock (broken later), but not only through it
    for (const s of REFURBISHED_STATUSES) expect(throughStock.has(s)).toBe(true);
    expect([...REFURBISHED_STATUSES].sort()).toEqual(['DELIVERED', 'IN_STOCK', 'MISSING', 'RESERVED', 'SHIPPED']);
  });
});
