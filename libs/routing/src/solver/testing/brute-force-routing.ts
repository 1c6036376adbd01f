import { greatCircleKm } from '@app/common';
import { RoutingProblem, RoutingSupply } from '../routing-types';
import { pairBound } from './routing-solution-violations';

export interface BruteForceOptimum {
  /** served quantity per supply id */
  served: Map<string, number>;
  costKm: number;
}

/**
 * Enumerates every integral flow of a tiny problem and keeps the best one by the definition:
 * lexicographically largest served vector in (age, id) order, then the smallest cost. Shares no
 * code with the solver.
 */
export function bruteForceRouting(problem: RoutingProblem): BruteForceOptimum {
  const supplies = [...problem.supplies].sort(byPriority);
  const forbidden = new Set((problem.forbidden ?? []).map((pair) => JSON.stringify(pair)));
  const arcs = supplies.map((supply) =>
    problem.sinks
      .map((sink, j) => ({
        sink: j,
        distanceKm: greatCircleKm(supply, sink),
        radiusKm: sink.radiusKm,
        id: sink.id,
        bound: pairBound(problem, supply.id, sink),
      }))
      .filter((a) => a.distanceKm <= a.radiusKm && !forbidden.has(JSON.stringify([supply.id, a.id]))),
  );
  const room = problem.sinks.map((s) => s.capacity);
  const served = supplies.map(() => 0);
  let bestServed: number[] | undefined;
  let bestCost = Infinity;

  const isBetter = (cost: number): boolean => {
    if (bestServed === undefined) return true;
    for (let i = 0; i < served.length; i++) {
      if (served[i] !== bestServed[i]) return served[i] > bestServed[i];
    }
    return cost < bestCost;
  };

  const visitSupply = (i: number, cost: number): void => {
    if (i === supplies.length) {
      if (isBetter(cost)) {
        bestServed = [...served];
        bestCost = cost;
      }
      return;
    }
    visitArc(i, 0, supplies[i].quantity, cost);
  };

  /** Chooses how many of supply i's units go over its arc a, then the next arc; leftovers are unserved. */
  const visitArc = (i: number, a: number, left: number, cost: number): void => {
    if (a === arcs[i].length) {
      visitSupply(i + 1, cost);
      return;
    }
    const { sink, distanceKm, bound } = arcs[i][a];
    for (let units = Math.min(left, room[sink], bound); units >= 0; units--) {
      room[sink] -= units;
      served[i] += units;
      visitArc(i, a + 1, left - units, cost + units * distanceKm);
      served[i] -= units;
      room[sink] += units;
    }
  };

  visitSupply(0, 0);
  return {
    served: new Map(supplies.map((s, i) => [s.id, (bestServed as number[])[i]])),
    costKm: bestCost,
  };
}

function byPriority(a: RoutingSupply, b: RoutingSupply): number {
  return a.age - b.age || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
