import { DonationStatus } from '../entities/donation-status';
import { LIVE_LOT_STATUSES, LotStatus } from '../entities/lot-status';

const COLLECTED_OR_LATER = new Set<LotStatus>([LotStatus.COLLECTED, LotStatus.RECEIVED, LotStatus.CLOSED]);

/**
 * A donation's status is derived from its lots, never set by hand (DESIGN.md): declared while
 * some device is not in a live lot, routed once all are, collected when every live lot was
 * collected, processed when every live lot is closed.
 */
export function deriveDonationStatus(input: { cancelled: boolean; unroutedQuantity: number; lotStatuses: LotStatus[] }): DonationStatus {
  if (input.cancelled) return DonationStatus.CANCELLED;
  const live = input.lotStatuses.filter((s) => LIVE_LOT_STATUSES.includes(s));
  if (input.unroutedQuantity > 0 || live.length === 0) return DonationStatus.DECLARED;
  if (live.every((s) => s === LotStatus.CLOSED)) return DonationStatus.PROCESSED;
  if (live.every((s) => COLLECTED_OR_LATER.has(s))) return DonationStatus.COLLECTED;
  return DonationStatus.ROUTED;
}
