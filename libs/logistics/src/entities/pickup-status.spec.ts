import { ConflictError } from '@app/common';
import { PICKUP_MACHINE, PickupStatus } from './pickup-status';

describe('PICKUP_MACHINE', () => {
  it('a scheduled pickup is completed, missed or cancelled', () => {
    for (const to of [PickupStatus.COMPLETED, PickupStatus.MISSED, PickupStatus.CANCELLED])
      expect(PICKUP_MACHINE.canTransition(PickupStatus.SCHEDULED, to)).toBe(true);
  });

  it.each([PickupStatus.COMPLETED, PickupStatus.MISSED, PickupStatus.CANCELLED])('%s is final: every change is CONFLICT', (from) => {
    expect(PICKUP_MACHINE.isTerminal(from)).toBe(true);
    for (const to of Object.values(PickupStatus)) expect(() => PICKUP_MACHINE.assertTransition(from, to)).toThrow(ConflictError);
  });
});
