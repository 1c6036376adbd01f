import { assignmentCost, type MatchingCostWeights } from '../cost';
import { deviceFitsLine } from '../fit';
import type { MatchDevice, MatchLine } from '../types';

export interface BruteForceOptimum {
  /** served units per line id */
  served: Map<string, number>;
  totalCost: number;
}

/**
 * The specification, by exhaustion (for ≤ ~7 devices): every way of giving each device to no
 * line or to one line, keep the valid ones (fits, quantities), take the served vector that is
 * lexicographically largest in serving order (priority desc, neededBy asc with none last, age asc,
 * id asc), then the
 * cheapest among those. It shares nothing with the solver but the fit and cost definitions.
 */
export function bruteForceMatching(devices: readonly MatchDevice[], lines: readonly MatchLine[], weights?: MatchingCostWeights): BruteForceOptimum {
  const order = lines
    .map((_, i) => i)
    .sort((a, b) => {
      const x = lines[a];
      const y = lines[b];
      if (x.priority !== y.priority) return y.priority - x.priority;
      const xNeeded = x.neededBy ?? Number.POSITIVE_INFINITY;
      const yNeeded = y.neededBy ?? Number.POSITIVE_INFINITY;
      if (xNeeded !== yNeeded) return xNeeded - yNeeded;
      if (x.age !== y.age) return x.age - y.age;
      return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    });

  let bestServed: number[] | null = null;
  let bestCost = Infinity;
  const choice = new Array<number>(devices.length).fill(-1);
  const count = new Array<number>(lines.length).fill(0);

  const visit = (d: number, cost: number): void => {
    if (d === devices.length) {
      const served = order.map((l) => count[l]);
      const comparison = bestServed === null ? 1 : compareLexicographic(served, bestServed);
      if (comparison > 0 || (comparison === 0 && cost < bestCost)) {
        bestServed = served;
        bestCost = cost;
      }
      return;
    }
    choice[d] = -1;
    visit(d + 1, cost);
    lines.forEach((line, l) => {
      if (count[l] >= line.quantity || !deviceFitsLine(devices[d], line)) return;
      count[l]++;
      choice[d] = l;
      visit(d + 1, cost + assignmentCost(devices[d], line, weights));
      count[l]--;
    });
  };
  visit(0, 0);

  const served = new Map<string, number>();
  const finalServed: number[] = bestServed ?? order.map(() => 0);
  order.forEach((l, k) => served.set(lines[l].id, finalServed[k]));
  return { served, totalCost: bestCost };
}

function compareLexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
