export type { RoutingFlow, RoutingProblem, RoutingSink, RoutingSolution, RoutingSupply } from './routing-types';
export { solveRouting } from './routing-solver';
