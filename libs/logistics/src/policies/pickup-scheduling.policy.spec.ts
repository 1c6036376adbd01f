import { BadInputError, ConflictError } from '@app/common';
import { LotStatus } from '@app/donations';
import { PickupStatus } from '../entities/pickup-status';
import { assertSchedulingDate, lotStepOnSchedule } from './pickup-scheduling.policy';

const lot = (status: LotStatus) => ({ reference: 'LOT-2026-000001', status });

describe('lotStepOnSchedule', () => {
  it('a claimed lot advances to PICKUP_SCHEDULED', () => {
    expect(lotStepOnSchedule(lot(LotStatus.CLAIMED), null)).toBe('ADVANCE');
  });

  it('a lot whose latest pickup was missed may be scheduled again and keeps its status', () => {
    expect(lotStepOnSchedule(lot(LotStatus.PICKUP_SCHEDULED), PickupStatus.MISSED)).toBe('KEEP');
  });

  it('refuses a second live pickup', () => {
    expect(() => lotStepOnSchedule(lot(LotStatus.PICKUP_SCHEDULED), PickupStatus.SCHEDULED)).toThrow(/already has a scheduled pickup/);
    expect(() => lotStepOnSchedule(lot(LotStatus.CLAIMED), PickupStatus.SCHEDULED)).toThrow(ConflictError);
  });

  it('refuses a scheduled lot whose pickup was not missed', () => {
    expect(() => lotStepOnSchedule(lot(LotStatus.PICKUP_SCHEDULED), PickupStatus.COMPLETED)).toThrow(/only a missed pickup/);
    expect(() => lotStepOnSchedule(lot(LotStatus.PICKUP_SCHEDULED), null)).toThrow(ConflictError);
  });

  it.each([LotStatus.OFFERED, LotStatus.COLLECTED, LotStatus.RECEIVED, LotStatus.CLOSED, LotStatus.DECLINED, LotStatus.EXPIRED, LotStatus.CANCELLED])(
    'refuses a %s lot with CONFLICT, whatever its pickups',
    (status) => {
      expect(() => lotStepOnSchedule(lot(status), null)).toThrow(ConflictError);
      expect(() => lotStepOnSchedule(lot(status), PickupStatus.MISSED)).toThrow(ConflictError);
    },
  );

  it('says a withdrawn lot is final rather than blaming its stale pickup', () => {
    expect(() => lotStepOnSchedule(lot(LotStatus.CANCELLED), PickupStatus.SCHEDULED)).toThrow(/CANCELLED is final/);
  });
});

describe('assertSchedulingDate', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const availableFrom = new Date('2026-11-25T08:00:00Z');

  it('accepts a time from availability on, and exactly at it', () => {
    expect(() => assertSchedulingDate(new Date('2026-11-26T09:00:00Z'), availableFrom, now)).not.toThrow();
    expect(() => assertSchedulingDate(availableFrom, availableFrom, now)).not.toThrow();
  });

  it('refuses a time before the donation is available', () => {
    expect(() => assertSchedulingDate(new Date('2026-11-25T07:59:59Z'), availableFrom, now)).toThrow(/before the donation is available/);
  });

  it('refuses a time in the past, even when the donation has long been available', () => {
    expect(() => assertSchedulingDate(new Date('2026-11-23T09:59:00Z'), new Date('2026-01-01T00:00:00Z'), now)).toThrow(/in the past/);
    expect(() => assertSchedulingDate(new Date('2026-11-23T09:59:00Z'), new Date('2026-01-01T00:00:00Z'), now)).toThrow(BadInputError);
  });

  it('refuses an invalid date', () => {
    expect(() => assertSchedulingDate(new Date('nope'), availableFrom, now)).toThrow(BadInputError);
  });
});
