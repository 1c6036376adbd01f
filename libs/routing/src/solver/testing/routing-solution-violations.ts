import { greatCircleKm } from '@app/common';
import { RoutingProblem, RoutingSink, RoutingSolution } from '../routing-types';

/** What one supply may send one sink, read from the problem by definition (Infinity: no bound). */
export function pairBound(problem: RoutingProblem, supplyId: string, sink: RoutingSink): number {
  let bound = sink.maxPerSupply ?? Infinity;
  for (const [s, j, units] of problem.pairCapacities ?? []) if (s === supplyId && j === sink.id) bound = Math.min(bound, units);
  return bound;
}

/** Every rule a solution must obey whatever its optimality; an empty list means it is feasible. */
export function routingSolutionViolations(problem: RoutingProblem, solution: RoutingSolution): string[] {
  const violations: string[] = [];
  const supplies = new Map(problem.supplies.map((s) => [s.id, s]));
  const sinks = new Map(problem.sinks.map((s) => [s.id, s]));
  const forbidden = new Set((problem.forbidden ?? []).map((pair) => JSON.stringify(pair)));
  const served = new Map<string, number>();
  const received = new Map<string, number>();
  const seenPairs = new Set<string>();
  let routed = 0;
  let deviceKm = 0;

  for (const flow of solution.flows) {
    const supply = supplies.get(flow.supplyId);
    const sink = sinks.get(flow.sinkId);
    const pair = JSON.stringify([flow.supplyId, flow.sinkId]);
    if (!supply || !sink) {
      violations.push(`unknown endpoint in ${pair}`);
      continue;
    }
    if (seenPairs.has(pair)) violations.push(`pair ${pair} listed twice`);
    seenPairs.add(pair);
    if (!Number.isSafeInteger(flow.quantity) || flow.quantity <= 0) violations.push(`${pair} carries ${flow.quantity}`);
    if (forbidden.has(pair)) violations.push(`${pair} is forbidden`);
    const distanceKm = greatCircleKm(supply, sink);
    if (flow.distanceKm !== distanceKm) violations.push(`${pair} reports ${flow.distanceKm} km, not ${distanceKm}`);
    if (distanceKm > sink.radiusKm) violations.push(`${pair} is ${distanceKm} km away, beyond ${sink.radiusKm}`);
    const bound = pairBound(problem, supply.id, sink);
    if (flow.quantity > bound) violations.push(`${pair} carries ${flow.quantity}, beyond its bound ${bound}`);
    served.set(supply.id, (served.get(supply.id) ?? 0) + flow.quantity);
    received.set(sink.id, (received.get(sink.id) ?? 0) + flow.quantity);
    routed += flow.quantity;
    deviceKm += flow.quantity * flow.distanceKm;
  }
  for (const [id, quantity] of served) {
    if (quantity > (supplies.get(id)?.quantity ?? 0)) violations.push(`supply ${id} sends ${quantity}, more than it has`);
  }
  for (const [id, quantity] of received) {
    if (quantity > (sinks.get(id)?.capacity ?? 0)) violations.push(`sink ${id} receives ${quantity}, beyond its capacity`);
  }
  const total = problem.supplies.reduce((sum, s) => sum + s.quantity, 0);
  if (solution.routedQuantity !== routed) violations.push(`routedQuantity ${solution.routedQuantity} but flows sum to ${routed}`);
  if (solution.unroutedQuantity !== total - routed) violations.push(`unroutedQuantity ${solution.unroutedQuantity}, expected ${total - routed}`);
  if (Math.abs(solution.totalDeviceKm - deviceKm) > 1e-6 * Math.max(1, deviceKm)) {
    violations.push(`totalDeviceKm ${solution.totalDeviceKm} but flows sum to ${deviceKm}`);
  }
  return violations;
}

export function servedBySupply(problem: RoutingProblem, solution: RoutingSolution): Map<string, number> {
  const served = new Map(problem.supplies.map((s) => [s.id, 0]));
  for (const flow of solution.flows) served.set(flow.supplyId, (served.get(flow.supplyId) ?? 0) + flow.quantity);
  return served;
}
