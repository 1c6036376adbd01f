import { DonationStatus } from '../entities/donation-status';
import { LotStatus } from '../entities/lot-status';
import { deriveDonationStatus } from './donation-status.policy';

const derive = (unroutedQuantity: number, lotStatuses: LotStatus[], cancelled = false) => deriveDonationStatus({ cancelled, unroutedQuantity, lotStatuses });

describe('deriveDonationStatus', () => {
  it('is DECLARED while any device is not in a live lot', () => {
    expect(derive(3, [])).toBe(DonationStatus.DECLARED);
    expect(derive(1, [LotStatus.CLAIMED])).toBe(DonationStatus.DECLARED);
    expect(derive(0, [LotStatus.DECLINED])).toBe(DonationStatus.DECLARED);
  });

  it('is ROUTED, COLLECTED, PROCESSED as the live lots move on; dead lots do not count', () => {
    expect(derive(0, [LotStatus.OFFERED, LotStatus.COLLECTED, LotStatus.EXPIRED])).toBe(DonationStatus.ROUTED);
    expect(derive(0, [LotStatus.COLLECTED, LotStatus.RECEIVED, LotStatus.DECLINED])).toBe(DonationStatus.COLLECTED);
    expect(derive(0, [LotStatus.CLOSED, LotStatus.CLOSED])).toBe(DonationStatus.PROCESSED);
  });

  it('is CANCELLED once cancelled, whatever the lots', () => {
    expect(derive(0, [LotStatus.CANCELLED], true)).toBe(DonationStatus.CANCELLED);
  });
});
