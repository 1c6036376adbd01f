import { DEVICE_MACHINE, DeviceStatus } from '@app/refurbishing';
import { DeviceOutcome, outcomeOf, REFURBISHED_STATUSES, REUSED_STATUSES } from './device-outcome';

describe('device outcome', () => {
  it('counts as reused what was refurbished and is in stock or on its way to, or with, a beneficiary', () => {
    expect([...REUSED_STATUSES].sort()).toEqual(['DELIVERED', 'IN_STOCK', 'RESERVED', 'SHIPPED']);
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
    expect([...REFURBISHED_STATUSES].sort()).toEqual([...throughStock].sort());
  });
});
