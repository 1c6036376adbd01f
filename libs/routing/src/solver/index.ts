export type { RoutingFlow, RoutingProblem, RoutingSink, RoutingSolution, RoutingSupply } from './routing-types';
export { solveRouting } from './routing-solver';
export type { UnroutedCandidate, UnroutedExplanation, UnroutedReasonCode, UnroutedSupply } from './unrouted-reasons';
export { explainUnrouted } from './unrouted-reasons';
