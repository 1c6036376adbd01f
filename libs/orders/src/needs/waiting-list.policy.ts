import { NeedUrgency, URGENCY_RANK } from './need-urgency';

/** What the waiting list orders a need by. */
export interface WaitingNeed {
  id: string;
  category: string;
  urgency: NeedUrgency;
  createdAt: Date;
}

/** The window of recent supply an estimate is read from. */
export const SUPPLY_WINDOW_DAYS = 90;

/** The waiting list's order: the most urgent first, then the oldest, then by id (a total order: two lists never disagree). */
export function waitingOrder(a: WaitingNeed, b: WaitingNeed): number {
  const urgency = URGENCY_RANK[b.urgency] - URGENCY_RANK[a.urgency];
  if (urgency !== 0) return urgency;
  const age = a.createdAt.getTime() - b.createdAt.getTime();
  if (age !== 0) return age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Each need's position in its category's queue (1 = next): needs of one category wait for the
 * same devices, whatever their profile, so positions are counted per category. The waiting list
 * ranks in SQL where the rows are (WaitingListService); this is the definition its test holds it to.
 */
export function waitingPositions<T extends WaitingNeed>(needs: readonly T[]): Map<string, number> {
  const positions = new Map<string, number>();
  const next = new Map<string, number>();
  for (const need of [...needs].sort(waitingOrder)) {
    const position = (next.get(need.category) ?? 0) + 1;
    next.set(need.category, position);
    positions.set(need.id, position);
  }
  return positions;
}

/** The region's supply and demand of one category, now. */
export interface CategorySupply {
  /** devices of the category that reached stock in the region over the last SUPPLY_WINDOW_DAYS days */
  stockedRecently: number;
  /** devices of the category in stock now and not reserved */
  availableNow: number;
  /** units of open order lines of the category not yet given a device: served before any need still waiting */
  orderedUnfilled: number;
}

/**
 * Days until a need at this position may expect a device: the devices it waits for (the ordered
 * units still open, plus itself and the needs ahead of it, minus what is in stock now) divided by
 * the recent daily supply (devices that reached stock in the last 90 days / 90), rounded up; 0 when
 * the stock covers it now. null when nothing reached stock in 90 days: an estimate would be a guess.
 */
export function estimatedWaitDays(position: number, supply: CategorySupply): number | null {
  if (supply.stockedRecently <= 0) return null;
  const devicesAhead = supply.orderedUnfilled + position - supply.availableNow;
  if (devicesAhead <= 0) return 0;
  return Math.ceil((devicesAhead * SUPPLY_WINDOW_DAYS) / supply.stockedRecently);
}
