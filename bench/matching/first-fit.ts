import { assignmentCost, deviceFitsLine, type MatchDevice, type MatchLine, type MatchingSolution } from '@app/matching';
import { compareLinesForService } from '@app/matching/testing';

/**
 * The baseline a hand-written allocator would do: lines in serving order (priority, neededBy, age, id),
 * each takes the first fitting devices still available, in stock-list order. No re-assignment,
 * no look-ahead, no cost.
 */
export function firstFit(devices: readonly MatchDevice[], lines: readonly MatchLine[]): MatchingSolution {
  const taken = new Uint8Array(devices.length);
  const assignments: MatchingSolution['assignments'] = [];
  let requested = 0;
  let totalCost = 0;
  for (const line of [...lines].sort(compareLinesForService)) {
    requested += line.quantity;
    let want = line.quantity;
    for (let i = 0; i < devices.length && want > 0; i++) {
      if (taken[i] || !deviceFitsLine(devices[i], line)) continue;
      taken[i] = 1;
      want--;
      const cost = assignmentCost(devices[i], line);
      assignments.push({ deviceId: devices[i].id, lineId: line.id, cost });
      totalCost += cost;
    }
  }
  return { assignments, allocatedQuantity: assignments.length, unfilledQuantity: requested - assignments.length, totalCost };
}
