import { solveMinCostTransport } from './min-cost-transport';
import { assertValidRoutingProblem } from './routing-input-validation';
import { RoutingFlow, RoutingProblem, RoutingSolution } from './routing-types';
import { buildTransportNetwork } from './transport-network';

/**
 * Routes one device category: the lexicographically best served vector by age (hence a maximum
 * flow), then the minimum total device-km for it. Flows are listed by supply priority (age, id),
 * then sink id.
 */
export function solveRouting(problem: RoutingProblem): RoutingSolution {
  assertValidRoutingProblem(problem);
  const network = buildTransportNetwork(problem);
  const arcFlow = solveMinCostTransport(network);

  const flows: RoutingFlow[] = [];
  let routedQuantity = 0;
  let totalDeviceKm = 0;
  for (let arc = 0; arc < arcFlow.length; arc++) {
    const quantity = arcFlow[arc];
    if (quantity === 0) continue;
    const distanceKm = network.arcDistanceKm[arc];
    flows.push({
      supplyId: network.supplies[network.arcSupply[arc]].id,
      sinkId: network.sinks[network.arcSink[arc]].id,
      quantity,
      distanceKm,
    });
    routedQuantity += quantity;
    totalDeviceKm += quantity * distanceKm;
  }
  const totalQuantity = problem.supplies.reduce((sum, s) => sum + s.quantity, 0);
  return { flows, routedQuantity, unroutedQuantity: totalQuantity - routedQuantity, totalDeviceKm };
}
