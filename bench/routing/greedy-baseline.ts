import { greatCircleKm } from '@app/common';
import { RoutingFlow, RoutingProblem, RoutingSolution } from '@app/routing';

/**
 * What a coordinator would do by hand: each donation, oldest first, goes to the nearest
 * refurbisher with room, spilling the rest to the next nearest. Never re-routes.
 */
export function greedyNearestWithRoom(problem: RoutingProblem): RoutingSolution {
  const forbidden = new Set((problem.forbidden ?? []).map(([supplyId, sinkId]) => `${supplyId}\u0000${sinkId}`));
  const room = new Map(problem.sinks.map((s) => [s.id, s.capacity]));
  const supplies = [...problem.supplies].sort((a, b) => a.age - b.age || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const flows: RoutingFlow[] = [];
  let routedQuantity = 0;
  let totalDeviceKm = 0;
  for (const supply of supplies) {
    const candidates = problem.sinks
      .map((sink) => ({ sink, distanceKm: greatCircleKm(supply, sink) }))
      .filter(({ sink, distanceKm }) => distanceKm <= sink.radiusKm && !forbidden.has(`${supply.id}\u0000${sink.id}`))
      .sort((a, b) => a.distanceKm - b.distanceKm || (a.sink.id < b.sink.id ? -1 : 1));
    let left = supply.quantity;
    for (const { sink, distanceKm } of candidates) {
      if (left === 0) break;
      const quantity = Math.min(left, room.get(sink.id) as number);
      if (quantity === 0) continue;
      room.set(sink.id, (room.get(sink.id) as number) - quantity);
      left -= quantity;
      flows.push({ supplyId: supply.id, sinkId: sink.id, quantity, distanceKm });
      routedQuantity += quantity;
      totalDeviceKm += quantity * distanceKm;
    }
  }
  const total = problem.supplies.reduce((sum, s) => sum + s.quantity, 0);
  return { flows, routedQuantity, unroutedQuantity: total - routedQuantity, totalDeviceKm };
}
