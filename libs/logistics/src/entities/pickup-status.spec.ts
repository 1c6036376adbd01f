import { ConflictError } from '@app/common';
import { PICKUP_MACHINE, PickupStatus } from './pickup-status';

describe('PICKUP_MACHINE', () => {
  it('a scheduled pickup is rescheduled, completed, missed or cancelled', () => {
    for (const to of [PickupStatus.SCHEDULED, PickupStatus.COMPLETED, PickupStatus.MISSED, PickupStatus.CANCELLED])
      expect(PICKUP_MACHINE.canTransition(PickupStatus.SCHEDULED, to)).toBe(true);
  });

  it('a missed pickup is rescheduled or cancelled, never completed', () => {
    expect(PICKUP_MACHINE.canTransition(PickupStatus.MISSED, PickupStatus.SCHEDULED)).toBe(true);
    expect(PICKUP_MACHINE.canTransition(PickupStatus.MISSED, PickupStatus.CANCELLED)).toBe(true);
    expect(() => PICKUP_MACHINE.assertTransition(PickupStatus.MISSED, PickupStatus.COMPLETED)).toThrow(ConflictError);
  });

  it.each([PickupStatus.COMPLETED, PickupStatus.CANCELLED])('%s is final: every change is CONFLICT', (from) => {
    expect(PICKUP_MACHINE.isTerminal(from)).toBe(true);
    for (const to of Object.values(PickupStatus)) expect(() => PICKUP_MACHINE.assertTransition(from, to)).toThrow(ConflictError);
  });
});
