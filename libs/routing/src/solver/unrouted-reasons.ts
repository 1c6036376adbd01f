import { greatCircleKm } from '@app/common';

/**
 * Why devices stay unrouted, as data for people and programs. Checked in this order, the first
 * that leaves a donation no refurbisher names the cause:
 * - NO_REFURBISHER_FOR_CATEGORY: no active refurbisher of the region takes the category at all;
 * - NO_REFURBISHER_IN_RADIUS: some do, but none reaches the pickup address;
 * - ALL_DECLINED: those in reach declined it (or let its offer lapse) and their cooldown runs;
 * - PAUSED: those left have paused their intake;
 * - NO_CAPACITY: some could take it, but their week is full (or the donation already holds its
 *   share of their week in unclaimed offers);
 * - AWAITING_ROUTING: one of them has room: the next routing run offers it (never the answer
 *   right after a run, whose flow is maximum).
 */
export type UnroutedReasonCode = 'NO_REFURBISHER_FOR_CATEGORY' | 'NO_REFURBISHER_IN_RADIUS' | 'ALL_DECLINED' | 'PAUSED' | 'NO_CAPACITY' | 'AWAITING_ROUTING';

/** A refurbisher that takes the category (weekly capacity above zero) and has not left the network. */
export interface UnroutedCandidate {
  id: string;
  lat: number;
  lon: number;
  radiusKm: number;
  paused: boolean;
  /** devices of the category it can still take (after the run's flows, when explaining a run) */
  remaining: number;
}

export interface UnroutedSupply {
  id: string;
  lat: number;
  lon: number;
  /** what the solver left of it (zero or less: nothing to explain) */
  quantity: number;
}

export interface UnroutedExplanation {
  supplyId: string;
  quantity: number;
  reason: UnroutedReasonCode;
}

/**
 * The reason of each supply's leftover in one category, from the solver's own inputs: the
 * candidates are its sinks before the capacity filter (with the paused ones), `forbidden` its
 * forbidden pairs, and `pairRoom` (supplyId, sinkId, units) what a pair may still carry under the
 * donation's offer share (absent: no bound). Pure, like the solver.
 */
export function explainUnrouted(
  supplies: readonly UnroutedSupply[],
  candidates: readonly UnroutedCandidate[],
  forbidden: ReadonlyArray<readonly [string, string]>,
  pairRoom: ReadonlyArray<readonly [string, string, number]> = [],
): UnroutedExplanation[] {
  const barred = new Set(forbidden.map(([supplyId, sinkId]) => `${supplyId}|${sinkId}`));
  const room = new Map(pairRoom.map(([supplyId, sinkId, units]) => [`${supplyId}|${sinkId}`, units]));
  return supplies
    .filter((s) => s.quantity > 0)
    .map((supply) => ({ supplyId: supply.id, quantity: supply.quantity, reason: reasonFor(supply, candidates, barred, room) }));
}

function reasonFor(
  supply: UnroutedSupply,
  candidates: readonly UnroutedCandidate[],
  barred: ReadonlySet<string>,
  room: ReadonlyMap<string, number>,
): UnroutedReasonCode {
  if (!candidates.length) return 'NO_REFURBISHER_FOR_CATEGORY';
  const inRadius = candidates.filter((c) => greatCircleKm(supply, c) <= c.radiusKm);
  if (!inRadius.length) return 'NO_REFURBISHER_IN_RADIUS';
  const notBarred = inRadius.filter((c) => !barred.has(`${supply.id}|${c.id}`));
  if (!notBarred.length) return 'ALL_DECLINED';
  const taking = notBarred.filter((c) => !c.paused);
  if (!taking.length) return 'PAUSED';
  const withRoom = taking.some((c) => Math.min(c.remaining, room.get(`${supply.id}|${c.id}`) ?? Infinity) > 0);
  return withRoom ? 'AWAITING_ROUTING' : 'NO_CAPACITY';
}
